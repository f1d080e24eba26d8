package io.github.asynccookbook.chapter01;

import io.github.asynccookbook.harness.Bounds;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code --requests N} option of the chapter's mains, bounded so a typo cannot start a million calls. */
final class RequestCount {

    static final int DEFAULT = 10;
    static final int MAX = 500;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    int value = DEFAULT;

    @Option(names = "--requests", paramLabel = "N",
            description = "Requests per run, 1 to " + MAX + " (default: " + DEFAULT + ").")
    void value(int requests) {
        Bounds.require(spec, "--requests", requests, 1, MAX);
        value = requests;
    }
}
