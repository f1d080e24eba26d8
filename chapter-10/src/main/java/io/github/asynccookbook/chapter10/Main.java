package io.github.asynccookbook.chapter10;

import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.providers.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * The chapter's tour: each property its tests check, shown on both providers with the simulator's ground truth. The
 * lesson proper is in {@code src/test}; these are the helpers the tests exercise.
 */
@Command(name = "Main", mixinStandardHelpOptions = true,
        description = "Chapter 10 tour: a bounded batch in input order, a fault in its slot and a timeout, "
                + "cancellation and an idle-timeout fallback, each with what the simulator saw.")
public final class Main implements Callable<Integer> {

    @Mixin
    ExampleOptions options;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "3",
            description = "Calls in flight at most in example 1 (default: ${DEFAULT-VALUE}).")
    int limit = 3;

    @Option(names = "--chunks", paramLabel = "N", defaultValue = "3",
            description = "Chunks to read before leaving the stream in example 3 (default: ${DEFAULT-VALUE}).")
    int chunks = 3;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        ChapterCli.exit(new Main(), args);
    }

    @Override
    public Integer call() {
        _01_BatchInOrder.requireLimit(spec, limit);
        _03_CancelAndFallback.requireChunks(spec, chunks);
        List<Provider> providers = options.providers();
        _01_BatchInOrder.run(providers, limit);
        _02_FaultsAndTimeouts.run(providers);
        _03_CancelAndFallback.run(providers, chunks);
        return 0;
    }
}
