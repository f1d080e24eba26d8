package io.github.asynccookbook.chapter03;

import io.github.asynccookbook.harness.Bounds;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code --max-concurrency} option of the examples that cap in-flight requests. */
final class MaxConcurrency {

    static final int MAX = 1_000;

    @Option(names = "--max-concurrency", paramLabel = "K", defaultValue = "6",
            description = "How many requests may be in flight at once (default: ${DEFAULT-VALUE}).")
    int maxConcurrency;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The value, or a one-line usage error when it is out of bounds. */
    int value() {
        Bounds.require(command, "--max-concurrency", maxConcurrency, 1, MAX);
        return maxConcurrency;
    }
}
