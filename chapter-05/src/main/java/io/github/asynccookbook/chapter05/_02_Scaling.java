package io.github.asynccookbook.chapter05;

import io.github.asynccookbook.harness.AllRequestsFailedException;
import io.github.asynccookbook.harness.Bounds;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.harness.GroundTruth;
import io.github.asynccookbook.harness.ProviderOptions;
import io.github.asynccookbook.harness.ResourcePeaks;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.report.ConsoleTable;
import io.github.asynccookbook.report.Durations;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.SimulatorStats;
import io.github.asynccookbook.simulator.Tier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * How far "all at once" scales: N concurrent requests with no rate limit, wall time against the slowest single
 * request. A ratio near 1 means the N calls really overlapped; a larger one means something queued them. The
 * client's own view of a request includes time queued inside the HTTP client, so the simulator's view (arrival to
 * completion) is shown too; with peak heap and platform threads.
 */
@Command(name = "_02_Scaling", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Concurrent wall time / slowest request for growing N, on an unthrottled simulator.")
public final class _02_Scaling implements Callable<Integer> {

    static final int MAX_SIZE = 10_000;
    static final long MAX_TIMEOUT_SECONDS = 3_600;

    /** One run's figures; the simulator's are empty when the provider is live. */
    record Scaled(String provider, int requests, Duration wall, Duration slowestClient,
                  Optional<Duration> slowestSimulator, Optional<Integer> peakInFlight, ModeRun run,
                  long peakHeapMegabytes, int peakPlatformThreads) {

        Map<String, Long> errors() {
            return run.requests().stream().filter(r -> !r.ok())
                    .collect(Collectors.groupingBy(r -> r.status() + " (" + r.error() + ")", TreeMap::new,
                            Collectors.counting()));
        }
    }

    /**
     * N requests at once through the benchmark's concurrent mode (one warm-up first), timed by the client and,
     * when simulated, by the simulator's own records of the same requests.
     */
    static Scaled measure(Provider provider, int requests, Duration timeout) {
        var plan = new BenchPlan(new Workload(_01_SourceBenchmark.TOPICS, requests), List.of(Mode.CONCURRENT), 1, 1,
                BenchPlan.DEFAULT_MAX_CONCURRENCY, timeout);
        ModeRun run;
        ResourcePeaks peaks = ResourcePeaks.start();
        try {
            run = Benchmark.run(plan, List.of(provider)).providers().getFirst().runs().getFirst();
        } finally {
            peaks.close();
        }
        Duration slowest = run.requests().stream().map(RequestResult::latency).max(Duration::compareTo).orElseThrow();
        Optional<List<RequestRecord>> seen = GroundTruth.requestsDuring(provider, run.startNanos(), run.endNanos())
                .map(records -> records.stream().filter(r -> r.completionMillis() != null).toList());
        return new Scaled(provider.displayName(), requests, run.wall(), slowest,
                seen.map(_02_Scaling::slowestAnswer), seen.map(SimulatorStats::peakInFlight), run,
                peaks.peakHeapMegabytes(), peaks.peakThreads());
    }

    private static Duration slowestAnswer(List<RequestRecord> records) {
        double millis = records.stream().mapToDouble(r -> r.completionMillis() - r.arrivalMillis()).max().orElse(0);
        return Duration.ofNanos(Math.round(millis * 1e6));
    }

    @Mixin
    ProviderOptions providers;

    @Option(names = "--sizes", paramLabel = "N", split = ",", defaultValue = "5,100,1000",
            description = "Concurrent requests per run, comma-separated (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "Deadline of one request, queueing included (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        ChapterCli.exit(new _02_Scaling(), args);
    }

    @Override
    public Integer call() {
        sizes.forEach(size -> Bounds.require(spec, "--sizes", size, 1, MAX_SIZE));
        Bounds.require(spec, "--timeout", timeoutSeconds, 1, MAX_TIMEOUT_SECONDS);
        PrintWriter out = spec.commandLine().getOut();
        List<Provider> chosen = providers.providers(Tier.UNLIMITED);
        var table = new ConsoleTable("Provider", "N", "Wall", "Slowest (client)", "Slowest (simulator)",
                "Wall/slowest (client)", "Wall/slowest (simulator)", "Peak in flight", "Errors",
                "Peak heap", "Peak threads");
        var failedRuns = new ArrayList<Scaled>();
        for (Provider provider : chosen) {
            for (int n : sizes) {
                Scaled scaled = measure(provider, n, Duration.ofSeconds(timeoutSeconds));
                table.row(scaled.provider(), n, Durations.seconds(scaled.wall()),
                        Durations.seconds(scaled.slowestClient()),
                        scaled.slowestSimulator().map(Durations::seconds).orElse("-"),
                        ratio(scaled.wall(), scaled.slowestClient()),
                        scaled.slowestSimulator().map(slowest -> ratio(scaled.wall(), slowest)).orElse("-"),
                        scaled.peakInFlight().map(String::valueOf).orElse("-"), scaled.run().errors(),
                        scaled.peakHeapMegabytes() + " MB", scaled.peakPlatformThreads());
                out.printf("%s N=%d done in %s%s%n", provider.displayName(), n, Durations.seconds(scaled.wall()),
                        scaled.errors().isEmpty() ? "" : ", failed: " + scaled.errors());
                if (scaled.run().errors() == n) {
                    failedRuns.add(scaled);
                }
            }
        }
        out.println();
        out.print(table.render());
        out.flush();
        if (!failedRuns.isEmpty()) {
            Scaled failed = failedRuns.getFirst();
            throw new AllRequestsFailedException(failed.provider(), failed.requests(),
                    failed.run().requests().getFirst().failure());
        }
        return 0;
    }

    private static String ratio(Duration wall, Duration slowest) {
        return String.format(Locale.ROOT, "%.2f", (double) wall.toNanos() / slowest.toNanos());
    }
}
