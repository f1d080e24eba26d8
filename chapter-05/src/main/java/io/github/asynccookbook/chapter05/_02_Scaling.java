package io.github.asynccookbook.chapter05;

import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.report.ConsoleTable;
import io.github.asynccookbook.report.Durations;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.SimulatorStats;
import io.github.asynccookbook.simulator.Simulator;
import io.github.asynccookbook.simulator.Tier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
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

    @Mixin
    ProviderChoice providers;

    @Option(names = "--sizes", paramLabel = "N", split = ",", defaultValue = "5,100,1000",
            description = "Concurrent requests per run, comma-separated (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "Deadline of one request, queueing included (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Mixin
    SimulatorOptions simulator;

    @Spec
    CommandSpec spec;

    /** One run's figures; the simulator's are empty when the provider is live. */
    record Scaled(String provider, int requests, Duration wall, Duration slowestClient,
                  Optional<Duration> slowestSimulator, Optional<Integer> peakInFlight, Map<String, Long> errors,
                  long peakHeapMegabytes, int peakPlatformThreads) {

        long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public static void main(String[] args) {
        System.exit(Cli.execute(new _02_Scaling(), System.out, System.err, args));
    }

    @Override
    public Integer call() {
        if (sizes.stream().anyMatch(n -> n < 1) || timeoutSeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--sizes must all be at least 1 and --timeout positive");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (ProviderSet providerSet = ProviderSet.of(simulator.settings(Tier.UNLIMITED))) {
            List<Provider> chosen = providerSet.select(providers.name());
            chosen.forEach(provider -> out.println(provider.describe()));
            var table = new ConsoleTable("Provider", "N", "Wall", "Slowest (client)", "Slowest (simulator)",
                    "Wall/slowest (client)", "Wall/slowest (simulator)", "Peak in flight", "Errors",
                    "Peak heap", "Peak threads");
            for (Provider provider : chosen) {
                for (int n : sizes) {
                    Scaled scaled = measure(provider, n, Duration.ofSeconds(timeoutSeconds));
                    table.row(scaled.provider(), n, Durations.seconds(scaled.wall()),
                            Durations.seconds(scaled.slowestClient()),
                            scaled.slowestSimulator().map(Durations::seconds).orElse("-"),
                            ratio(scaled.wall(), scaled.slowestClient()),
                            scaled.slowestSimulator().map(slowest -> ratio(scaled.wall(), slowest)).orElse("-"),
                            scaled.peakInFlight().map(String::valueOf).orElse("-"), scaled.errorCount(),
                            scaled.peakHeapMegabytes() + " MB", scaled.peakPlatformThreads());
                    out.printf("%s N=%d done in %s%s%n", provider.displayName(), n, Durations.seconds(scaled.wall()),
                            scaled.errors().isEmpty() ? "" : ", failed: " + scaled.errors());
                }
            }
            out.println();
            out.print(table.render());
        }
        return 0;
    }

    static Scaled measure(Provider provider, int requests, Duration timeout) {
        var plan = new BenchPlan(new Workload(Workload.TOPICS, requests), List.of(Mode.CONCURRENT), 1, 1,
                BenchPlan.DEFAULT_LIMIT, timeout);
        var peaks = ResourcePeaks.start();
        ModeRun run;
        try {
            run = Benchmark.run(plan, List.of(provider)).providers().getFirst().runs().getFirst();
        } finally {
            peaks.close();
        }
        Duration slowest = run.requests().stream().map(RequestResult::latency).max(Duration::compareTo).orElseThrow();
        Optional<List<RequestRecord>> seen = provider.simulator().map(simulator -> during(simulator, provider, run));
        return new Scaled(provider.displayName(), requests, run.wall(), slowest,
                seen.map(_02_Scaling::slowestAnswer), seen.map(SimulatorStats::peakInFlight), errorsByStatus(run),
                peaks.peakHeapMegabytes(), peaks.peakPlatformThreads());
    }

    private static Map<String, Long> errorsByStatus(ModeRun run) {
        return run.requests().stream().filter(r -> !r.ok())
                .collect(Collectors.groupingBy(r -> r.status() + " (" + r.error() + ")", TreeMap::new,
                        Collectors.counting()));
    }

    private static List<RequestRecord> during(Simulator simulator, Provider provider, ModeRun run) {
        double from = simulator.millisAt(run.startNanos());
        double to = simulator.millisAt(run.endNanos());
        return simulator.stats().requests(provider.modelName()).stream()
                .filter(r -> r.arrivalMillis() >= from && r.arrivalMillis() <= to && r.completionMillis() != null)
                .toList();
    }

    private static Duration slowestAnswer(List<RequestRecord> records) {
        double millis = records.stream().mapToDouble(r -> r.completionMillis() - r.arrivalMillis()).max().orElse(0);
        return Duration.ofNanos(Math.round(millis * 1e6));
    }

    private static String ratio(Duration wall, Duration slowest) {
        return String.format(Locale.ROOT, "%.2f", (double) wall.toNanos() / slowest.toNanos());
    }
}
