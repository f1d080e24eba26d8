package io.github.asynccookbook.chapter02;

import io.github.asynccookbook.chapter01.Cli;
import io.github.asynccookbook.chapter01.ProviderChoice;
import io.github.asynccookbook.providers.ModelOptions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.providers.ProviderSettings;
import io.github.asynccookbook.report.ConsoleTable;
import io.github.asynccookbook.report.Durations;
import io.github.asynccookbook.simulator.Simulator;
import io.github.asynccookbook.simulator.SimulatorConfig;
import io.github.asynccookbook.simulator.Tier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * The same fan-out from 10 to 10,000 calls: does the wall time stay close to the slowest single call, and what does
 * it cost in platform threads and heap? Blocking calls on virtual threads scale; LangChain4j's streaming calls each
 * hold a common-pool thread and stall at about common-pool parallelism + 256 streams.
 * <p>
 * Always runs on a simulator of its own with {@link Tier#UNLIMITED}: published rate limits would turn the
 * measurement into a 429 count, and 10,000 calls to a real API would cost real money.
 */
@Command(name = "_05_Scale", mixinStandardHelpOptions = true,
        description = "Fan out 10 to 10,000 calls: wall time vs slowest call, peak threads and heap.")
public final class _05_Scale implements Callable<Integer> {

    enum Approach { blocking, streaming, both }

    /** A call that hits a limit fails at once and is counted, instead of being retried (streaming never retries). */
    private static final ModelOptions NO_RETRIES = ModelOptions.builder().maxRetries(0).build();

    @Option(names = "--provider", paramLabel = "NAME", defaultValue = "both",
            description = "gemini, mistral or both (default: ${DEFAULT-VALUE})")
    ProviderChoice.Choice provider;

    @Option(names = "--requests", paramLabel = "N", split = ",", defaultValue = "10,1000",
            description = "batch sizes to run, e.g. 10,100,1000,10000 (default: ${DEFAULT-VALUE})")
    List<Integer> requests;

    @Option(names = "--max-concurrency", paramLabel = "K",
            description = "calls running at once at most (default: all of them)")
    Integer maxConcurrency;

    @Option(names = "--approach", paramLabel = "WAY", defaultValue = "blocking",
            description = "blocking (ChatModel on virtual threads), streaming (AsyncChat) or both "
                    + "(default: ${DEFAULT-VALUE})")
    Approach approach;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(Cli.execute(new _05_Scale(), args));
    }

    @Override
    public Integer call() {
        if (requests.stream().anyMatch(n -> n < 1 || n > 100_000)) {
            throw new ParameterException(spec.commandLine(),
                    "--requests must be between 1 and 100000, got " + requests);
        }
        if (maxConcurrency != null && maxConcurrency < 1) {
            throw new ParameterException(spec.commandLine(),
                    "--max-concurrency must be at least 1, got " + maxConcurrency);
        }
        SimulatorConfig config = unlimitedSimulator();
        try (Simulator simulator = Simulator.start(config)) {
            List<Provider> providers = ProviderSet.forSimulator(simulator).select(provider.name());
            System.out.printf("%nScale runs use a simulator of their own (tier unlimited, time scale %s); "
                    + "%d platform threads before the runs, the simulator's included%n",
                    config.timeScale(), ResourcePeaks.liveThreads());
            for (Provider each : providers) {
                run(each);
            }
        }
        return 0;
    }

    // tag::unlimited[]
    /** The simulator the {@code SIM_*} settings describe (time scale, seed, port), minus the rate limits. */
    static SimulatorConfig unlimitedSimulator() {
        return ProviderSettings.load().simulator().toConfig().toBuilder().tier(Tier.UNLIMITED).build();
    }
    // end::unlimited[]

    private void run(Provider provider) {
        System.out.printf("%n%s%s%n", provider.displayName(),
                maxConcurrency == null ? "" : ", max concurrency " + maxConcurrency);
        var table = new ConsoleTable("approach", "calls", "wall", "slowest call", "wall/slowest", "failed",
                "platform threads", "common pool", "peak heap", "in flight (sim)");
        var failures = new TreeMap<String, Integer>();
        for (int n : requests) {
            for (Approach way : ways()) {
                Measurement m = measure(provider, way, n);
                table.row(way.name(), n, Durations.seconds(m.wall()), Durations.seconds(m.slowest()),
                        Durations.times((double) m.wall().toNanos() / Math.max(1, m.slowest().toNanos())),
                        m.errors().size(), m.startThreads() + " -> " + m.peakThreads(), m.peakCommonPool(),
                        m.peakHeapMegabytes() + " MB", m.maxInFlight());
                m.errors().forEach(error ->
                        failures.merge("%s (%s, %d calls)".formatted(error, way, n), 1, Integer::sum));
            }
        }
        System.out.print(table.render());
        failures.forEach((error, count) -> System.out.printf("  %d x %s%n", count, error));
    }

    private List<Approach> ways() {
        return approach == Approach.both ? List.of(Approach.blocking, Approach.streaming) : List.of(approach);
    }

    /** One run: the client's view (wall, slowest call, failures) next to the JVM's and the simulator's. */
    record Measurement(Duration wall, Duration slowest, List<Exception> errors, int startThreads, int peakThreads,
                       int peakCommonPool, long peakHeapMegabytes, String maxInFlight) {

        static Measurement of(Duration wall, List<Outcome<String>> outcomes, ResourcePeaks peaks, String maxInFlight) {
            Duration slowest = outcomes.stream().map(Outcome::duration).max(Comparator.naturalOrder())
                    .orElse(Duration.ZERO);
            List<Exception> errors = outcomes.stream()
                    .<Exception>mapMulti((outcome, sink) -> {
                        if (outcome instanceof Outcome.Failure<String> failure) {
                            sink.accept(failure.error());
                        }
                    })
                    .toList();
            return new Measurement(wall, slowest, errors, peaks.startThreads(), peaks.peakThreads(),
                    peaks.peakCommonPool(), peaks.peakHeapMegabytes(), maxInFlight);
        }
    }

    // tag::measure[]
    Measurement measure(Provider provider, Approach way, int n) {
        Batch<String> batch = Batch.of(Questions.first(n)).returnExceptions(true);
        if (maxConcurrency != null) {
            batch = batch.maxConcurrency(maxConcurrency);
        }
        Batch.Call<String, String> call = way == Approach.blocking
                ? provider.chatModel(NO_RETRIES)::chat
                : _04_FailFastVersusCollectAll.streamingCall(provider.streamingChatModel());
        GroundTruth.reset(provider);
        try (var peaks = ResourcePeaks.start()) {
            long start = System.nanoTime();
            List<Outcome<String>> outcomes = batch.run(call);
            Duration wall = Duration.ofNanos(System.nanoTime() - start);
            return Measurement.of(wall, outcomes, peaks, GroundTruth.maxInFlight(provider));
        }
    }
    // end::measure[]
}
