package io.github.asynccookbook.chapter02;

import dev.langchain4j.model.chat.ChatModel;
import io.github.asynccookbook.harness.Bounds;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.harness.GroundTruth;
import io.github.asynccookbook.harness.ProviderOptions;
import io.github.asynccookbook.harness.Questions;
import io.github.asynccookbook.harness.SimulatorHints;
import io.github.asynccookbook.providers.ModelOptions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.recipes.Batch;
import io.github.asynccookbook.recipes.Batch.Outcome;
import io.github.asynccookbook.report.ConsoleTable;
import io.github.asynccookbook.report.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

/**
 * LangChain's {@code abatch(prompts, config={"max_concurrency": k}, return_exceptions=True)} with {@link Batch}: at
 * most k calls at once, one outcome per prompt in input order, and a failed call fills only its own slot.
 */
@Command(name = "_02_BatchLikeAbatch", mixinStandardHelpOptions = true,
        description = "abatch with max_concurrency and return_exceptions: per-slot outcomes in input order.")
public final class _02_BatchLikeAbatch implements Callable<Integer> {

    // tag::abatch[]
    static List<Outcome<String>> abatch(ChatModel model, List<String> prompts, int maxConcurrency) {
        return Batch.of(prompts)
                .maxConcurrency(maxConcurrency) // max_concurrency: the other calls wait for a free slot
                .returnExceptions(true) // return_exceptions=True: a failure fills its own slot only
                .run(model::chat); // one outcome per prompt, in input order
    }
    // end::abatch[]

    // tag::describe[]
    static String describe(Outcome<String> outcome) {
        return switch (outcome) {
            case Outcome.Success<String> success -> "ok: " + success.value();
            case Outcome.Failure<String> failure -> "failed: " + failure.error().getClass().getSimpleName();
        };
    }
    // end::describe[]

    /** The prompt that fails: the simulator answers it with HTTP 500. */
    static final int FAILING = 3;
    static final int MAX_REQUESTS = 1_000;

    @Mixin
    ProviderOptions providers;

    @Option(names = "--requests", paramLabel = "N", defaultValue = "10",
            description = "Prompts in the batch, " + (FAILING + 1) + " to " + MAX_REQUESTS
                    + " (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--max-concurrency", paramLabel = "K", defaultValue = "3",
            description = "Calls running at once at most, 1 to " + MAX_REQUESTS + " (default: ${DEFAULT-VALUE}).")
    int maxConcurrency;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        ChapterCli.exit(new _02_BatchLikeAbatch(), args);
    }

    @Override
    public Integer call() {
        Bounds.require(spec, "--requests", requests, FAILING + 1, MAX_REQUESTS);
        Bounds.require(spec, "--max-concurrency", maxConcurrency, 1, MAX_REQUESTS);
        for (Provider provider : providers.providers()) {
            show(provider, requests, maxConcurrency);
        }
        return 0;
    }

    /** Prompt {@link #FAILING} carries a directive that makes the simulator fail it (a real API never sees it). */
    static List<String> prompts(Provider provider, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> i == FAILING ? SimulatorHints.fault(provider, Questions.about(i), "500")
                        : Questions.about(i))
                .toList();
    }

    static void show(Provider provider, int requests, int maxConcurrency) {
        // No retries: the failing slot shows the first error instead of three attempts (retries are chapter 03's).
        ChatModel model = provider.chatModel(ModelOptions.builder().maxRetries(0).build());
        System.out.printf("%n%s: %d prompts, max concurrency %d, prompt #%d fails%n",
                provider.displayName(), requests, maxConcurrency, FAILING);
        GroundTruth.reset(provider);
        long start = System.nanoTime();
        List<Outcome<String>> outcomes = abatch(model, prompts(provider, requests), maxConcurrency);

        var table = new ConsoleTable("#", "topic", "started", "took", "outcome");
        for (Outcome<String> outcome : outcomes) {
            table.row(outcome.index(), Questions.topic(outcome.index()),
                    "+" + Durations.seconds(outcome.startNanos() - start), Durations.seconds(outcome.duration()),
                    cell(outcome));
        }
        System.out.print(table.render());
        GroundTruth.of(provider).ifPresent(stats -> System.out.printf(
                "  simulator: at most %d in flight (limit %d), statuses %s%n",
                stats.maxInFlight(), maxConcurrency, stats.requestsByStatus()));
    }

    /** {@link #describe} on one line, cut to fit a table. */
    static String cell(Outcome<String> outcome) {
        return Questions.head(describe(outcome), 44);
    }
}
