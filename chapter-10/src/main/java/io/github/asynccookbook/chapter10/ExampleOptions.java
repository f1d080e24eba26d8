package io.github.asynccookbook.chapter10;

import io.github.asynccookbook.harness.ProviderOptions;
import io.github.asynccookbook.providers.Provider;
import picocli.CommandLine.Mixin;

import java.util.List;

/** The options every example of this chapter takes: the providers and the simulator's options. */
public final class ExampleOptions {

    @Mixin
    ProviderOptions providers = new ProviderOptions();

    List<Provider> providers() {
        return providers.providers();
    }

    /** {@code -- 1. Gemini (gemini-2.5-flash): what the example shows --}, before each provider's part. */
    static void heading(Provider provider, String number, String title) {
        System.out.printf("%n-- %s. %s (%s): %s --%n", number, provider.displayName(), provider.modelName(), title);
    }
}
