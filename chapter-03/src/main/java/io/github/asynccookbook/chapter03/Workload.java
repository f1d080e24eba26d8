package io.github.asynccookbook.chapter03;

import io.github.asynccookbook.harness.Bounds;
import io.github.asynccookbook.harness.Questions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;

/**
 * The {@code --requests} option of every example: how many short questions to ask. Bounded, because each one is a
 * virtual thread and a connection at the same moment.
 */
final class Workload {

    static final int MAX_REQUESTS = 2_000;

    @Option(names = "--requests", paramLabel = "N", defaultValue = "12",
            description = "How many questions to ask (default: ${DEFAULT-VALUE}).")
    int requests;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The value, or a one-line usage error when it is out of bounds. */
    int requests() {
        Bounds.require(command, "--requests", requests, 1, MAX_REQUESTS);
        return requests;
    }

    List<String> questions() {
        return Questions.numbered(requests());
    }
}
