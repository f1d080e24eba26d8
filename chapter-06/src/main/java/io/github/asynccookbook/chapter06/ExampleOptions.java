package io.github.asynccookbook.chapter06;

import io.github.asynccookbook.harness.ProviderOptions;
import io.github.asynccookbook.providers.Provider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;

/** The options every example of this chapter takes: the providers, and the topic of the chain's prompt. */
public final class ExampleOptions {

    static final String DEFAULT_TOPIC = "RAG vs fine-tuning";

    @Mixin
    ProviderOptions providers = new ProviderOptions();

    @Option(names = "--topic", paramLabel = "TEXT", defaultValue = DEFAULT_TOPIC,
            description = "The chain's {topic}: \"Give 3 bullet points about: {topic}\" "
                    + "(default: \"${DEFAULT-VALUE}\").")
    String topic = DEFAULT_TOPIC;

    List<Provider> providers() {
        return providers.providers();
    }

    /** {@code -- 1. Gemini (gemini-2.5-flash): what the example shows --}, before each provider's part. */
    static void heading(Provider provider, String number, String title) {
        System.out.printf("%n-- %s. %s (%s): %s --%n", number, provider.displayName(), provider.modelName(), title);
    }
}
