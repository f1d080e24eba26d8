package io.github.asynccookbook.chapter02;

import dev.langchain4j.model.chat.ChatModel;
import io.github.asynccookbook.harness.Bounds;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.harness.ProviderOptions;
import io.github.asynccookbook.harness.Questions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.recipes.Batch;
import io.github.asynccookbook.recipes.Batch.Outcome;
import io.github.asynccookbook.report.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * LangChain's {@code abatch_as_completed}: each (index, outcome) as soon as its call finishes, so a slow answer
 * does not hold back the fast ones. The index zips each outcome back to its prompt.
 */
@Command(name = "_03_AsCompleted", mixinStandardHelpOptions = true,
        description = "abatch_as_completed: (index, outcome) pairs in completion order.")
public final class _03_AsCompleted implements Callable<Integer> {

    // tag::asCompleted[]
    static void asCompleted(ChatModel model, List<String> prompts, Consumer<Outcome<String>> onEach) {
        Batch.of(prompts)
                .maxConcurrency(Integer.MAX_VALUE) // every call at once, as abatch_as_completed without a limit
                .returnExceptions(true) // a failure is one more outcome, not the end of the stream
                .<String>asCompleted(model::chat) // a Flux<Outcome<String>>, in completion order
                .doOnNext(onEach) // outcome.index() zips each one back to its prompt
                .blockLast();
    }
    // end::asCompleted[]

    static final int MAX_REQUESTS = 1_000;

    @Mixin
    ProviderOptions providers;

    @Option(names = "--requests", paramLabel = "N", defaultValue = "6",
            description = "Prompts in the batch, 1 to " + MAX_REQUESTS + " (default: ${DEFAULT-VALUE}).")
    int requests;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        ChapterCli.exit(new _03_AsCompleted(), args);
    }

    @Override
    public Integer call() {
        Bounds.require(spec, "--requests", requests, 1, MAX_REQUESTS);
        for (Provider provider : providers.providers()) {
            show(provider, requests);
        }
        return 0;
    }

    static void show(Provider provider, int requests) {
        System.out.printf("%n%s: %d prompts, printed as they complete%n", provider.displayName(), requests);
        long start = System.nanoTime();
        asCompleted(provider.chatModel(), Questions.first(requests), outcome -> System.out.printf(
                "  +%s  #%d %-9s %s%n", Durations.seconds(outcome.endNanos() - start), outcome.index(),
                Questions.topic(outcome.index()), _02_BatchLikeAbatch.cell(outcome)));
    }
}
