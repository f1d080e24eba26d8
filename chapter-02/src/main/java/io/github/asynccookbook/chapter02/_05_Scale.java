package io.github.asynccookbook.chapter02;

import io.github.asynccookbook.harness.Bounds;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.harness.Failures;
import io.github.asynccookbook.harness.GroundTruth;
import io.github.asynccookbook.harness.ProviderOptions;
import io.github.asynccookbook.harness.Questions;
import io.github.asynccookbook.harness.ResourcePeaks;
import io.github.asynccookbook.harness.Timed;
import io.github.asynccookbook.providers.ModelOptions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.recipes.Batch;
import io.github.asynccookbook.recipes.Batch.Outcome;
import io.github.asynccookbook.report.ConsoleTable;
import io.github.asynccookbook.report.Durations;
import io.github.asynccookbook.simulator.Simulator;
import io.github.asynccookbook.simulator.SimulatorConfig;
import io.github.asynccookbook.simulator.Tier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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
 * Always runs on a simulator of its own with {@link Tier#UNLIMITED} unless {@code --tier} says otherwise: published
 * rate limits would turn the measurement into a 429 count, and 10,000 calls to a real API would cost real money.
 */
@Command(name = "_05_Scale", mixinStandardHelpOptions = true,
        description = "Fan out 10 to 10,000 calls: wall time vs slowest call, peak threads and heap.")
public final class _05_Scale implements Callable<Integer> {

    // tag::fanOut[]
    static List<Outcome<String>> fanOut(Batch.Call<String, String> call, List<String> prompts, int maxConcurrency) {
        return Batch.of(prompts)
                .maxConcurrency(maxConcurrency) // Integer.MAX_VALUE: every call at once
                .returnExceptions(true) // count the failures instead of stopping at the first
                .run(call);
    }

    /** A batch whose calls really overlapped takes about as long as its slowest call. */
    static Duration slowest(List<Outcome<String>> outcomes) {
        return outcomes.stream().map(Outcome::duration).max(Comparator.naturalOrder()).orElse(Duration.ZERO);
    }
    // end::fanOut[]

    /** The transports compared, each a way to turn a provider into a {@link Batch.Call}: one constant each. */
    enum Approach {
        /** LangChain4j's blocking {@code ChatModel.chat}, parked on the batch's virtual threads. */
        blocking {
            @Override
            Batch.Call<String, String> call(Provider provider) {
                return provider.chatModel(NO_RETRIES)::chat;
            }
        },
        /** LangChain4j's stock streaming model through {@code chatAsync}: a common-pool thread reads each stream. */
        streaming {
            @Override
            Batch.Call<String, String> call(Provider provider) {
                return _04_FailFastVersusCollectAll.streamingCall(provider.streamingChatModel());
            }
        };

        abstract Batch.Call<String, String> call(Provider provider);
    }

    /** A call that hits a limit fails at once and is counted, instead of being retried (streaming never retries). */
    private static final ModelOptions NO_RETRIES = ModelOptions.builder().maxRetries(0).build();
    static final int MAX_REQUESTS = 100_000;

    @Mixin
    ProviderOptions providers;

    @Option(names = "--requests", paramLabel = "N[,N...]", split = ",", defaultValue = "10,1000",
            description = "Batch sizes to run, each 1 to " + MAX_REQUESTS + ", e.g. 10,100,1000,10000 "
                    + "(default: ${DEFAULT-VALUE}).")
    List<Integer> requests;

    @Option(names = "--max-concurrency", paramLabel = "K",
            description = "Calls running at once at most, 1 to " + MAX_REQUESTS + " (default: all of them).")
    Integer maxConcurrency;

    @Option(names = "--approach", paramLabel = "WAY[,WAY...]", split = ",", defaultValue = "blocking",
            description = "blocking (ChatModel on virtual threads), streaming (AsyncChat), or both: "
                    + "blocking,streaming (default: ${DEFAULT-VALUE}).")
    List<Approach> approaches;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        ChapterCli.exit(new _05_Scale(), args);
    }

    @Override
    public Integer call() {
        requests.forEach(n -> Bounds.require(spec, "--requests", n, 1, MAX_REQUESTS));
        if (maxConcurrency != null) {
            Bounds.require(spec, "--max-concurrency", maxConcurrency, 1, MAX_REQUESTS);
        }
        run(providers, requests, maxConcurrency == null ? Integer.MAX_VALUE : maxConcurrency, approaches);
        return 0;
    }

    /** Every batch size with every approach, per provider, on a simulator started for these runs. */
    static void run(ProviderOptions options, List<Integer> sizes, int maxConcurrency, List<Approach> approaches) {
        SimulatorConfig config = options.simulator().settings(Tier.UNLIMITED).simulator().toConfig()
                .toBuilder().port(0).build(); // a port of its own, beside any simulator already running
        try (Simulator simulator = Simulator.start(config)) {
            List<Provider> chosen = ProviderSet.forSimulator(simulator).select(options.choice().name());
            System.out.printf("%nScale runs use a simulator of their own (tier %s, time scale %s); "
                            + "%d platform threads before the runs, the simulator's included%n",
                    config.tier().name().toLowerCase(java.util.Locale.ROOT), config.timeScale(),
                    ResourcePeaks.liveThreads());
            for (Provider provider : chosen) {
                table(provider, sizes, maxConcurrency, approaches);
            }
        }
    }

    private static void table(Provider provider, List<Integer> sizes, int maxConcurrency, List<Approach> approaches) {
        System.out.printf("%n%s%s%n", provider.displayName(),
                maxConcurrency == Integer.MAX_VALUE ? "" : ", max concurrency " + maxConcurrency);
        var table = new ConsoleTable("approach", "calls", "wall", "slowest call", "wall/slowest", "failed",
                "platform threads", "common pool", "peak heap", "in flight (sim)");
        var failures = new TreeMap<String, Integer>();
        for (int n : sizes) {
            for (Approach approach : approaches) {
                Measurement m = measure(provider, approach, n, maxConcurrency);
                table.row(approach.name(), n, Durations.seconds(m.wall()), Durations.seconds(m.slowest()),
                        Durations.times((double) m.wall().toNanos() / Math.max(1, m.slowest().toNanos())),
                        m.errors().size(), m.startThreads() + " -> " + m.peakThreads(), m.peakCommonPool(),
                        m.peakHeapMegabytes() + " MB", m.maxInFlight());
                m.errors().forEach(error -> failures.merge(
                        "%s (%s, %d calls)".formatted(Failures.oneLine(error), approach, n), 1, Integer::sum));
            }
        }
        System.out.print(table.render());
        failures.forEach((error, count) -> System.out.printf("  %d x %s%n", count, error));
    }

    /** One run: the client's view (wall, slowest call, failures) next to the JVM's and the simulator's. */
    record Measurement(Duration wall, Duration slowest, List<Exception> errors, int startThreads, int peakThreads,
                       int peakCommonPool, long peakHeapMegabytes, String maxInFlight) {

        static Measurement of(Timed<List<Outcome<String>>> run, ResourcePeaks peaks, String maxInFlight) {
            List<Exception> errors = run.value().stream()
                    .<Exception>mapMulti((outcome, sink) -> {
                        if (outcome instanceof Outcome.Failure<String> failure) {
                            sink.accept(failure.error());
                        }
                    })
                    .toList();
            return new Measurement(run.elapsed(), _05_Scale.slowest(run.value()), errors, peaks.startThreads(),
                    peaks.peakThreads(), peaks.peakCommonPool(), peaks.peakHeapMegabytes(), maxInFlight);
        }
    }

    static Measurement measure(Provider provider, Approach approach, int n, int maxConcurrency) {
        Batch.Call<String, String> call = approach.call(provider);
        List<String> prompts = Questions.first(n);
        GroundTruth.reset(provider);
        try (var peaks = ResourcePeaks.start()) {
            var run = Timed.run(() -> fanOut(call, prompts, maxConcurrency));
            return Measurement.of(run, peaks, GroundTruth.maxInFlight(provider));
        }
    }
}
