package io.github.asynccookbook.chapter02;

import io.github.asynccookbook.chapter01.Cli;
import io.github.asynccookbook.chapter01.ProviderChoice;
import dev.langchain4j.model.chat.ChatModel;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.report.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * LangChain's {@code abatch_as_completed}: each (index, outcome) as soon as its call finishes, so a slow answer
 * does not hold back the fast ones. The index zips each outcome back to its prompt.
 */
@Command(name = "_03_AsCompleted", mixinStandardHelpOptions = true,
        description = "abatch_as_completed: (index, outcome) pairs in completion order.")
public final class _03_AsCompleted implements Callable<Integer> {

    @Mixin
    ProviderChoice providers;

    @Option(names = "--requests", paramLabel = "N", defaultValue = "6",
            description = "prompts in the batch (default: ${DEFAULT-VALUE})")
    int requests;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(Cli.execute(new _03_AsCompleted(), args));
    }

    @Override
    public Integer call() {
        if (requests < 1 || requests > 1_000) {
            throw new ParameterException(spec.commandLine(), "--requests must be between 1 and 1000, got " + requests);
        }
        for (Provider provider : providers.providers()) {
            show(provider);
        }
        return 0;
    }

    private void show(Provider provider) {
        ChatModel model = provider.chatModel();
        List<String> prompts = Questions.first(requests);
        System.out.printf("%n%s: %d prompts, printed as they complete%n", provider.displayName(), requests);
        long start = System.nanoTime();

        // tag::asCompleted[]
        Batch.of(prompts)
                .returnExceptions(true)
                .<String>asCompleted(model::chat)
                .doOnNext(outcome -> System.out.printf("  +%s  #%d %-9s %s%n",
                        Durations.seconds(outcome.endNanos() - start), outcome.index(),
                        Questions.topic(outcome.index()), _02_BatchLikeAbatch.describe(outcome)))
                .blockLast();
        // end::asCompleted[]
    }
}
