package io.github.asynccookbook.chapter10;

import dev.langchain4j.model.chat.ChatModel;
import io.github.asynccookbook.harness.Bounds;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.harness.GroundTruth;
import io.github.asynccookbook.harness.SimulatorHints;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.SimulatorStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuples;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

/**
 * The batch every test of the chapter leans on: at most {@code limit} calls in flight, answers in input order. The
 * simulator's ground truth shows both are true, and not by luck: it finished the calls in another order. Not
 * {@code flatMapSequential}: it keeps a finished call's slot until the calls before it have finished too.
 */
@Command(name = "_01_BatchInOrder", mixinStandardHelpOptions = true,
        description = "A bounded batch: answers in input order, at most --limit calls in flight, as the simulator saw it.")
public final class _01_BatchInOrder implements Callable<Integer> {

    static final int PROMPTS = 8;

    // tag::bounded-batch[]
    /** Answers every prompt with at most {@code limit} calls in flight, results in input order. */
    public static List<String> boundedBatch(ChatModel model, List<String> prompts, int limit) {
        return Flux.fromIterable(prompts)
                .index()   // (position, prompt)
                .flatMap(p -> Mono.fromCallable(() -> model.chat(p.getT2()))
                        .subscribeOn(Schedulers.boundedElastic())   // chat() blocks: not on parallel()
                        .map(answer -> Tuples.of(p.getT1(), answer)), limit)   // a slot frees when a call ends
                .collectSortedList(Comparator.comparing(Tuple2::getT1))   // back in input order
                .map(answers -> answers.stream().map(Tuple2::getT2).toList())
                .block();
    }
    // end::bounded-batch[]

    /** Question {@code i} asks for a shorter answer than question {@code i - 1}: the first ones finish last. */
    static List<String> prompts(Provider provider) {
        return IntStream.range(0, PROMPTS)
                .mapToObj(i -> SimulatorHints.answerLength(provider, "Question " + (i + 1), 50 + 40 * (PROMPTS - 1 - i)))
                .toList();
    }

    @Mixin
    ExampleOptions options;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "3",
            description = "Calls in flight at most (default: ${DEFAULT-VALUE}).")
    int limit = 3;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        ChapterCli.exit(new _01_BatchInOrder(), args);
    }

    @Override
    public Integer call() {
        requireLimit(spec, limit);
        run(options.providers(), limit);
        return 0;
    }

    static void requireLimit(CommandSpec spec, int limit) {
        Bounds.require(spec, "--limit", limit, 1, 64);
    }

    static void run(List<Provider> providers, int limit) {
        for (Provider provider : providers) {
            ExampleOptions.heading(provider, "1", PROMPTS + " prompts, at most " + limit + " in flight");
            GroundTruth.reset(provider);
            List<String> prompts = prompts(provider);
            List<String> answers = boundedBatch(provider.chatModel(), prompts, limit);
            System.out.printf("%d answers; answer 1 is about: %s%n", answers.size(), firstWords(answers.getFirst()));
            provider.simulator().ifPresentOrElse(simulator -> {
                GroundTruth.awaitQuiet(simulator);
                List<RequestRecord> seen = simulator.stats().requests(provider.modelName());
                System.out.printf("simulator: %d requests, peak in flight %d (limit %d)%n", seen.size(),
                        SimulatorStats.peakInFlight(seen), limit);
                System.out.println("simulator finished the questions in this order: " + completionOrder(seen));
            }, () -> System.out.println("live provider: no ground truth to show"));
        }
    }

    /** Question numbers in the order the simulator completed them (question i asked for 50 + 40 × (7 − i) tokens). */
    static String completionOrder(List<RequestRecord> seen) {
        return seen.stream().sorted(Comparator.comparing(RequestRecord::completionMillis))
                .map(r -> String.valueOf(PROMPTS - (r.plannedTokens() - 50) / 40))
                .reduce((a, b) -> a + " " + b).orElse("");
    }

    static String firstWords(String answer) {
        String line = answer.lines().findFirst().orElse("").strip();
        return line.length() <= 60 ? line : line.substring(0, 57) + "...";
    }
}
