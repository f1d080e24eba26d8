package io.github.asynccookbook.chapter07;

import dev.langchain4j.model.chat.StreamingChatModel;
import io.github.asynccookbook.harness.Bounds;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.harness.QuietLogs;
import io.github.asynccookbook.providers.ModelOptions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.recipes.StreamingFlux;
import io.github.asynccookbook.simulator.Fault;
import io.github.asynccookbook.simulator.Simulator;
import io.github.asynccookbook.simulator.SimulatorConfig;
import io.github.resilience4j.retry.Retry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;

/** The chapter's finale: a fan-out with one call in five faulted, naive beside resilient. */
@Command(name = "Main", mixinStandardHelpOptions = true,
        description = "Chapter 07: 1,000 streamed calls against a simulator that faults about one in five (429, 500, "
                + "503, stall before headers, stall mid-stream, dropped stream), naive vs resilient side by side.")
public final class Main implements Callable<Integer> {

    /** The six faults of the fan-out, each on 1 call in 30: 20 % in all. */
    static final List<Fault> FAULTS = List.of(Fault.RATE_LIMITED, Fault.INTERNAL, Fault.OVERLOADED,
            Fault.STALL_BEFORE_HEADERS, Fault.STALL_MID_STREAM, Fault.DROP_MID_STREAM);
    static final double RATE_EACH = 0.2 / FAULTS.size();

    /** Resilient: first token and idle deadlines (and the builder timeout), a deadline per call, 4 attempts. */
    static final Duration FIRST_TOKEN = Duration.ofSeconds(2);
    static final Duration IDLE = Duration.ofSeconds(2);
    static final Duration PER_CALL = Duration.ofSeconds(20);
    /** After this a run stops waiting: a call not ended by then is lost. */
    static final Duration PATIENCE = Duration.ofSeconds(50);

    @Mixin
    ExampleOptions options;

    @Option(names = "--calls", paramLabel = "N", defaultValue = "1000",
            description = "Calls per run, spread over the providers (default: ${DEFAULT-VALUE}).")
    int calls = 1000;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "100",
            description = "Calls in flight at once (default: ${DEFAULT-VALUE}).")
    int concurrency = 100;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        ChapterCli.exit(new Main(), args);
    }

    @Override
    public Integer call() {
        Bounds.require(spec, "--calls", calls, 1, 10_000);
        Bounds.require(spec, "--concurrency", concurrency, 1, 1_000);
        QuietLogs.builtInRetry();
        try (Simulator simulator = options.startSimulator()) {
            try (Simulator faulty = Simulator.start(faulty(simulator.config()))) {
                List<Provider> providers = options.providers(faulty);
                System.out.printf("%,d calls, %d at a time, over %s; the simulator faults %.1f %% of requests with "
                                + "each of %s (a stall lasts %d s)%n%n", calls, concurrency,
                        providers.stream().map(Provider::displayName).toList(), RATE_EACH * 100,
                        FAULTS.stream().map(Fault::code).toList(), ExampleOptions.STALL.toSeconds());
                FanOut.Tally[] runs = compare(faulty, providers, calls, concurrency);
                System.out.print(FanOut.table(runs[0], runs[1]));
            }
        }
        return 0;
    }

    static SimulatorConfig faulty(SimulatorConfig config) {
        SimulatorConfig.Builder builder = config.toBuilder().port(0);
        FAULTS.forEach(fault -> builder.faultRate(fault, RATE_EACH));
        return builder.build();
    }

    /** The naive run, then the resilient one, on the same faulty simulator. */
    static FanOut.Tally[] compare(Simulator faulty, List<Provider> providers, int calls, int concurrency) {
        List<StreamingChatModel> plain = providers.stream().map(Provider::streamingChatModel).toList();
        List<StreamingChatModel> bounded = providers.stream().map(p -> p.streamingChatModel(
                ModelOptions.builder().timeout(FIRST_TOKEN.plusSeconds(1)).build())).toList();   // closes a stall
        Retry retry = _04_Resilience.retry("fan-out", 4);
        IntFunction<Mono<String>> naive = i -> StreamingFlux.stream(plain.get(i % plain.size()),
                        _02_Deadlines.request(prompt(i)))
                .subscribeOn(Schedulers.boundedElastic())   // LangChain4j may read the stream on the subscriber
                .reduce(String::concat);
        IntFunction<Mono<String>> resilient = i -> _04_Resilience.resilientStream(
                        () -> StreamingFlux.stream(bounded.get(i % bounded.size()), _02_Deadlines.request(prompt(i))),
                        retry, FIRST_TOKEN, IDLE)
                .reduce(String::concat)
                .timeout(PER_CALL);
        // The JIT and the HTTP clients' connection pools warm up on calls that are not counted.
        FanOut.run("warm-up", faulty, Math.min(calls, concurrency), concurrency, PATIENCE, resilient);
        return new FanOut.Tally[]{
                FanOut.run("naive (no deadline, no retry)", faulty, calls, concurrency, PATIENCE, naive),
                FanOut.run("resilient (deadlines + retry)", faulty, calls, concurrency, PATIENCE, resilient)};
    }

    static String prompt(int i) {
        return "Question " + i + ": name one benefit of async calls.";
    }
}
