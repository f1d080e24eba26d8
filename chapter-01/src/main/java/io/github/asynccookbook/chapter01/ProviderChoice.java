package io.github.asynccookbook.chapter01;

import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.Providers;
import picocli.CommandLine.Option;

import java.util.List;

/** The {@code --provider gemini|mistral|both} option shared by the mains of this chapter and the next. */
public final class ProviderChoice {

    public enum Choice { GEMINI, MISTRAL, BOTH }

    @Option(names = "--provider", paramLabel = "NAME", defaultValue = "both",
            description = "gemini, mistral or both (default: ${DEFAULT-VALUE})")
    Choice choice;

    public Choice choice() {
        return choice;
    }

    /** The chosen providers; each prints its mode line (live or simulator) the first time. */
    public List<Provider> providers() {
        return Providers.select(choice.name());
    }
}
