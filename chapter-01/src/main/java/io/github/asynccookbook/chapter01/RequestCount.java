package io.github.asynccookbook.chapter01;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code --requests N} option shared by the chapter's mains. */
final class RequestCount {

    static final int DEFAULT = 10;
    private static final int MAX = 500;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    int value = DEFAULT;

    @Option(names = "--requests", paramLabel = "N", description = "requests per run, 1 to " + MAX + " (default: " + DEFAULT + ")")
    void value(int requests) {
        if (requests < 1 || requests > MAX) {
            throw new ParameterException(spec.commandLine(),
                    "--requests must be between 1 and %d, got %d".formatted(MAX, requests));
        }
        value = requests;
    }
}
