package io.github.asynccookbook.chapter04;

import io.github.asynccookbook.harness.Bounds;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code --prompt} option every example takes: what to ask, bounded, as it is sent once per stream. */
final class PromptOption {

    static final String DEFAULT_PROMPT = "Explain why streaming makes a chat app feel faster.";
    static final int MAX_LENGTH = 10_000;

    @Option(names = "--prompt", defaultValue = DEFAULT_PROMPT, paramLabel = "TEXT",
            description = "What to ask (default: \"${DEFAULT-VALUE}\").")
    String prompt;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The prompt, or a one-line usage error when it is blank or longer than {@value #MAX_LENGTH} characters. */
    String prompt() {
        Bounds.require(command, "the length of --prompt", prompt.strip().length(), 1, MAX_LENGTH);
        return prompt;
    }
}
