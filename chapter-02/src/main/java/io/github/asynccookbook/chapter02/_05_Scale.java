package io.github.asynccookbook.chapter02;

import dev.langchain4j.exception.LangChain4jException;
import io.github.asynccookbook.harness.Bounds;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.harness.Failures;
import io.github.asynccookbook.harness.GroundTruth;
import io.github.asynccookbook.harness.ProviderOptions;
import io.github.asynccookbook.harness.Questions;
import io.github.asynccookbook.harness.ResourcePeaks;
import io.github.asynccookbook.harness.Timed;
import io.github.asynccookbook.httpclient.reactornetty.ReactorNettyHttpClientBuilder;
import io.github.asynccookbook.providers.ModelOptions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.providers.ProviderSettings;
import io.github.asynccookbook.recipes.Batch;
import io.github.asynccookbook.recipes.Batch.Outcome;
import io.github.asynccookbook.report.ConsoleTable;
import io.github.asynccookbook.report.Durations;
import io.github.asynccookbook.simulator.Protocol;
import io.github.asynccookbook.simulator.Simulator;
import io.github.asynccookbook.simulator.SimulatorConfig;
import io.github.asynccookbook.simulator.Tier;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;
import java.util.Comparator;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The same fan-out from 10 to 10,000 calls on three transports: does the wall time stay close to the slowest single
 * call, does every call end (as an answer or a typed error), and what does it cost in platform threads and heap?
 * Blocking calls on virtual threads hold no platform thread; LangChain4j's stock streaming calls each hold a
 * common-pool thread and stall at common-pool parallelism + 256 streams; the same streaming model on the Reactor Netty
 * transport reads every stream on a handful of event-loop threads.
 * <p>
 * Runs on a simulator of its own with {@link Tier#UNLIMITED} unless {@code --tier} says otherwise: published rate
 * limits would turn the measurement into a 429 count, and 10,000 calls to a real API would cost real money. When
 * {@code GEMINI_BASE_URL} / {@code MISTRAL_BASE_URL} name a simulator already running in another process (the
 * benchmark's setup), it uses that one instead, so the client JVM measures the client only.
 */
@Command(name = "_05_Scale", mixinStandardHelpOptions = true,
        description = "Fan out 10 to 10,000 calls: wall time vs slowest call, peak threads and heap.")
public final class _05_Scale implements Callable<Integer> {

    // tag::fanOut[]
    static List<Outcome<String>> fanOut(Batch.Call<String, String> call, List<String> prompts, int maxConcurrency,
                                        Duration deadline) {
        return Batch.of(prompts)
                .maxConcurrency(maxConcurrency) // Integer.MAX_VALUE: every call at once
                .returnExceptions(true) // count the failures instead of stopping at the first
                .<String>asCompleted(call)
                .take(deadline) // still running at the deadline: cancelled, and counted as lost
                .collectList()
                .block();
    }

    /** A batch whose calls really overlapped takes about as long as its slowest call. */
    static Duration slowest(List<Outcome<String>> outcomes) {
        return outcomes.stream().map(Outcome::duration).max(Comparator.naturalOrder()).orElse(Duration.ZERO);
    }
    // end::fanOut[]

    /** The transports compared, each a way to turn a provider into a {@link Batch.Call}: one constant each. */
    enum Approach {
        /** LangChain4j's blocking {@code ChatModel.chat} (JDK transport), parked on the batch's virtual threads. */
        blocking("blocking") {
            @Override
            Batch.Call<String, String> call(Provider provider) {
                return provider.chatModel(NO_RETRIES)::chat;
            }
        },
        /** LangChain4j's stock streaming model through {@code chatAsync}: a common-pool thread reads each stream. */
        streaming("streaming") {
            @Override
            Batch.Call<String, String> call(Provider provider) {
                return _04_FailFastVersusCollectAll.streamingCall(provider.streamingChatModel());
            }
        },
        /** The same streaming call on the Reactor Netty transport: the event loop decodes every stream. */
        reactorNetty("reactor-netty") {
            @Override
            Batch.Call<String, String> call(Provider provider) {
                return _04_FailFastVersusCollectAll.streamingCall(provider.streamingChatModel(REACTOR_NETTY));
            }
        };

        private final String label;

        Approach(String label) {
            this.label = label;
        }

        abstract Batch.Call<String, String> call(Provider provider);

        /** As {@code --approach} spells it. */
        String label() {
            return label;
        }

        static Approach parse(String label) {
            return Arrays.stream(values()).filter(a -> a.label.equals(label.trim().toLowerCase(Locale.ROOT)))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("'%s' is not an approach: use %s".formatted(label,
                            Arrays.stream(values()).map(Approach::label).collect(Collectors.joining(", ")))));
        }
    }

    /** The only difference between the two streaming approaches: the transport the model is built with. */
    static final ModelOptions REACTOR_NETTY = ModelOptions.builder()
            .httpClientBuilder(new ReactorNettyHttpClientBuilder())
            .build();

    /** How each call ended: what the scale table counts, and what its test checks against the simulator. */
    record Ended(int answers, int typedErrors, int otherErrors, int lost) {

        static Ended of(List<Outcome<String>> outcomes, int calls) {
            int answers = 0;
            int typed = 0;
            for (Outcome<String> outcome : outcomes) {
                if (outcome instanceof Outcome.Success<String>) {
                    answers++;
                } else if (outcome instanceof Outcome.Failure<String> f && f.error() instanceof LangChain4jException) {
                    typed++;
                }
            }
            return new Ended(answers, typed, outcomes.size() - answers - typed, calls - outcomes.size());
        }
    }

    static final class ApproachConverter implements ITypeConverter<Approach> {
        @Override
        public Approach convert(String value) {
            try {
                return Approach.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
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
            converter = ApproachConverter.class,
            description = "blocking (ChatModel on virtual threads), streaming (AsyncChat, JDK transport), "
                    + "reactor-netty (AsyncChat, Reactor Netty transport), or several: "
                    + "blocking,streaming,reactor-netty (default: ${DEFAULT-VALUE}).")
    List<Approach> approaches;

    @Option(names = "--deadline", paramLabel = "SECONDS", defaultValue = "300",
            description = "Calls still running this long after a batch started are cancelled and counted as lost, "
                    + "1 to 3,600 (default: ${DEFAULT-VALUE}).")
    int deadlineSeconds;

    @Option(names = "--warm-up", paramLabel = "N", defaultValue = "0",
            description = "Calls each approach makes once before anything is measured (JIT, connections), "
                    + "0 to 10,000 (default: ${DEFAULT-VALUE}).")
    int warmUp;

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
        Bounds.require(spec, "--deadline", deadlineSeconds, 1, 3600);
        Bounds.require(spec, "--warm-up", warmUp, 0, 10_000);
        run(providers, new Plan(requests, maxConcurrency == null ? Integer.MAX_VALUE : maxConcurrency, approaches,
                Duration.ofSeconds(deadlineSeconds), warmUp));
        return 0;
    }

    /** What to run: every size with every approach, each batch cancelled at the deadline. */
    record Plan(List<Integer> sizes, int maxConcurrency, List<Approach> approaches, Duration deadline, int warmUp) {

        static Plan of(List<Integer> sizes, List<Approach> approaches) {
            return new Plan(sizes, Integer.MAX_VALUE, approaches, Duration.ofMinutes(5), 0);
        }
    }

    /** Every batch size with every approach, per provider, on a simulator of its own or the one the env names. */
    static void run(ProviderOptions options, Plan plan) {
        ProviderSettings settings = options.simulator().settings(Tier.UNLIMITED);
        Optional<String> running = Stream.of(Protocol.values())
                .flatMap(protocol -> settings.vendor(protocol).baseUrlOverride().stream())
                .findFirst();
        SimulatorConfig config = settings.simulator().toConfig().toBuilder()
                .port(0).build(); // a port of its own, beside any simulator already running
        try (Simulator simulator = running.map(Simulator::connect).orElseGet(() -> Simulator.start(config))) {
            List<Provider> chosen = ProviderSet.forSimulator(simulator).select(options.choice().name());
            System.out.printf("%nScale runs use %s (tier %s, time scale %s); %d platform threads in this JVM before "
                            + "the runs%s%n",
                    simulator.embedded() ? "a simulator of their own" : "the simulator at " + simulator.baseUrl(),
                    simulator.config().tier().name().toLowerCase(Locale.ROOT), simulator.config().timeScale(),
                    ResourcePeaks.liveThreads(), simulator.embedded() ? ", the simulator's included" : "");
            for (Provider provider : chosen) {
                warmUp(provider, plan);
                table(provider, plan);
            }
        }
    }

    /** JIT-compiled code and open connections before the first measured batch, so N=10 measures calls, not startup. */
    private static void warmUp(Provider provider, Plan plan) {
        if (plan.warmUp() > 0) {
            for (Approach approach : plan.approaches()) {
                fanOut(approach.call(provider), Questions.first(plan.warmUp()), plan.maxConcurrency(), plan.deadline());
            }
            System.out.printf("%n%s: warmed up with %d calls per approach (not counted)%n", provider.displayName(),
                    plan.warmUp());
        }
    }

    private static void table(Provider provider, Plan plan) {
        System.out.printf("%n%s%s%n", provider.displayName(),
                plan.maxConcurrency() == Integer.MAX_VALUE ? "" : ", max concurrency " + plan.maxConcurrency());
        var table = new ConsoleTable("approach", "calls", "answers", "typed errors", "other errors", "lost", "wall",
                "slowest call", "wall/slowest", "platform threads", "common pool", "peak heap", "in flight (sim)");
        var failures = new TreeMap<String, Integer>();
        for (int n : plan.sizes()) {
            for (Approach approach : plan.approaches()) {
                Measurement m = measure(provider, approach, n, plan.maxConcurrency(), plan.deadline());
                Ended ended = m.ended();
                table.row(approach.label(), n, ended.answers(), ended.typedErrors(), ended.otherErrors(),
                        ended.lost(), Durations.seconds(m.wall()), Durations.seconds(m.slowest()),
                        Durations.times((double) m.wall().toNanos() / Math.max(1, m.slowest().toNanos())),
                        m.startThreads() + " -> " + m.peakThreads(), m.peakCommonPool(),
                        m.peakHeapMegabytes() + " MB", m.maxInFlight());
                m.errors().forEach(error -> failures.merge(
                        "%s (%s, %d calls)".formatted(Failures.oneLine(error), approach.label(), n), 1, Integer::sum));
            }
        }
        System.out.print(table.render());
        failures.forEach((error, count) -> System.out.printf("  %d x %s%n", count, error));
    }

    /** One run: the client's view (outcomes, wall, slowest call) next to the JVM's and the simulator's. */
    record Measurement(Ended ended, Duration wall, Duration slowest, List<Exception> errors, int startThreads,
                       int peakThreads, int peakCommonPool, long peakHeapMegabytes, String maxInFlight) {

        static Measurement of(Timed<List<Outcome<String>>> run, int calls, ResourcePeaks peaks, String maxInFlight) {
            List<Exception> errors = run.value().stream()
                    .<Exception>mapMulti((outcome, sink) -> {
                        if (outcome instanceof Outcome.Failure<String> failure) {
                            sink.accept(failure.error());
                        }
                    })
                    .toList();
            return new Measurement(Ended.of(run.value(), calls), run.elapsed(), _05_Scale.slowest(run.value()),
                    errors, peaks.startThreads(), peaks.peakThreads(), peaks.peakCommonPool(),
                    peaks.peakHeapMegabytes(), maxInFlight);
        }
    }

    static Measurement measure(Provider provider, Approach approach, int n, int maxConcurrency, Duration deadline) {
        Batch.Call<String, String> call = approach.call(provider);
        List<String> prompts = Questions.first(n);
        GroundTruth.reset(provider);
        try (var peaks = ResourcePeaks.start()) {
            var run = Timed.run(() -> fanOut(call, prompts, maxConcurrency, deadline));
            return Measurement.of(run, n, peaks, GroundTruth.maxInFlight(provider));
        }
    }
}
