package io.github.asynccookbook.chapter06;

import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.recipes.StreamEvents.Chain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/** The same chain object, run the three other LangChain ways: invoke, ainvoke (invokeAsync) and astream (stream). */
@Command(name = "_02_ChainThreeWays", mixinStandardHelpOptions = true,
        description = "The chain prompt | model | parser, run with invoke, invokeAsync and stream.")
public final class _02_ChainThreeWays implements Callable<Integer> {

    // tag::run[]
    static void runThreeWays(Chain chain, String topic) {
        Map<String, Object> input = Map.of("topic", topic);

        String answer = chain.invoke(input);                                   // blocks until the answer
        System.out.printf("invoke      : %d lines, %d characters%n", answer.lines().count(), answer.length());

        long start = System.nanoTime();
        CompletableFuture<String> later = chain.invokeAsync(input);            // returns at once
        long returned = System.nanoTime();
        String text = later.join();
        System.out.printf(Locale.ROOT, "invokeAsync : returned after %.1f ms, answered after %,d ms (%d characters)%n",
                (returned - start) / 1e6, (System.nanoTime() - start) / 1_000_000, text.length());

        System.out.println("stream      :");
        chain.stream(input).doOnNext(System.out::print).blockLast();           // chunks as they arrive
        System.out.println();
    }
    // end::run[]

    @Mixin
    ExampleOptions options;

    public static void main(String[] args) {
        ChapterCli.exit(new _02_ChainThreeWays(), args);
    }

    @Override
    public Integer call() {
        run(options.providers(), options.topic);
        return 0;
    }

    static void run(List<Provider> providers, String topic) {
        for (Provider provider : providers) {
            ExampleOptions.heading(provider, "2", "one chain, three ways to run it");
            runThreeWays(_01_ChainEvents.bulletPoints(provider.streamingChatModel()), topic);
        }
    }
}
