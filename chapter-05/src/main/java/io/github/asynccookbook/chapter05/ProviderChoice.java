package io.github.asynccookbook.chapter05;

import picocli.CommandLine.Option;

/** The {@code --providers gemini|mistral|both} option of the chapter's commands. */
final class ProviderChoice {

    enum Choice { gemini, mistral, both }

    @Option(names = {"--providers", "--provider"}, paramLabel = "gemini|mistral|both", defaultValue = "both",
            description = "Which providers to benchmark (default: ${DEFAULT-VALUE}).")
    Choice choice;

    String name() {
        return choice.name();
    }
}
