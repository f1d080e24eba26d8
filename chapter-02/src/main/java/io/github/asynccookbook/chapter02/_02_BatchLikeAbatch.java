package io.github.asynccookbook.chapter02;

import io.github.asynccookbook.chapter01.Cli;
import io.github.asynccookbook.chapter01.ProviderChoice;
import dev.langchain4j.model.chat.ChatModel;
import io.github.asynccookbook.providers.ModelOptions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.report.ConsoleTable;
import io.github.asynccookbook.report.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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

    /** The prompt that fails: the simulator answers it with HTTP 500. */
    static final int FAILING = 3;

    @Mixin
    ProviderChoice providers;

    @Option(names = "--requests", paramLabel = "N", defaultValue = "10",
            description = "prompts in the batch (default: ${DEFAULT-VALUE})")
    int requests;

    @Option(names = "--max-concurrency", paramLabel = "K", defaultValue = "3",
            description = "calls running at once at most (default: ${DEFAULT-VALUE})")
    int maxConcurrency;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(Cli.execute(new _02_BatchLikeAbatch(), args));
    }

    @Override
    public Integer call() {
        if (requests < FAILING + 1 || requests > 1_000) {
            throw new ParameterException(spec.commandLine(),
                    "--requests must be between %d and 1000, got %d".formatted(FAILING + 1, requests));
        }
        if (maxConcurrency < 1) {
            throw new ParameterException(spec.commandLine(),
                    "--max-concurrency must be at least 1, got " + maxConcurrency);
        }
        for (Provider provider : providers.providers()) {
            show(provider);
        }
        return 0;
    }

    /** Prompt {@link #FAILING} carries a directive that makes the simulator fail it (a real API ignores it). */
    static List<String> prompts(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> i == FAILING ? Questions.about(i) + " [sim:fault=500]" : Questions.about(i))
                .toList();
    }

    private void show(Provider provider) {
        // No retries: the failing slot shows the first error instead of three attempts (retries are chapter 04's).
        ChatModel model = provider.chatModel(ModelOptions.builder().maxRetries(0).build());
        System.out.printf("%n%s: %d prompts, max concurrency %d, prompt #%d fails%n",
                provider.displayName(), requests, maxConcurrency, FAILING);
        GroundTruth.reset(provider);
        long start = System.nanoTime();

        // tag::abatch[]
        List<Outcome<String>> outcomes = Batch.of(prompts(requests))
                .maxConcurrency(maxConcurrency)
                .returnExceptions(true)
                .run(model::chat);
        // end::abatch[]

        var table = new ConsoleTable("#", "topic", "started", "took", "outcome");
        for (Outcome<String> outcome : outcomes) {
            table.row(outcome.index(), Questions.topic(outcome.index()),
                    "+" + Durations.seconds(outcome.startNanos() - start), Durations.seconds(outcome.duration()),
                    describe(outcome));
        }
        System.out.print(table.render());
        GroundTruth.of(provider).ifPresent(stats -> System.out.printf(
                "  simulator: at most %d in flight (limit %d), statuses %s%n",
                stats.maxInFlight(), maxConcurrency, stats.requestsByStatus()));
    }

    // tag::describe[]
    static String describe(Outcome<String> outcome) {
        return switch (outcome) {
            case Outcome.Success<String> success -> "ok: " + Questions.head(success.value(), 40);
            case Outcome.Failure<String> failure -> "failed: " + failure.error().getClass().getSimpleName();
        };
    }
    // end::describe[]
}
