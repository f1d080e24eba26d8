package io.github.asynccookbook.chapter04;

import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.Providers;
import picocli.CommandLine.Option;

import java.util.List;

/** The options every example of this chapter takes: which providers to stream from, and what to ask. */
public final class ExampleOptions {

    static final String DEFAULT_PROMPT = "Explain why streaming makes a chat app feel faster.";

    /** The {@code --provider} values, spelled as users type them: picocli matches enum constants by name. */
    enum ProviderChoice { gemini, mistral, both }

    @Option(names = "--provider", defaultValue = "both", paramLabel = "gemini|mistral|both",
            description = "Which provider(s) to stream from (default: ${DEFAULT-VALUE}).")
    ProviderChoice provider;

    @Option(names = "--prompt", defaultValue = DEFAULT_PROMPT, paramLabel = "TEXT",
            description = "What to ask (default: \"${DEFAULT-VALUE}\").")
    String prompt;

    /** The chosen providers, from .env and the environment (the simulator when no key is set). */
    List<Provider> providers() {
        return Providers.select(provider.name());
    }
}
