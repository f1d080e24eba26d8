package io.github.asynccookbook.harness;

import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.providers.Providers;
import io.github.asynccookbook.simulator.Tier;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;

/**
 * {@code --provider gemini|mistral|both} and the simulator's options, the same in every main. The providers come
 * from {@code .env} and the environment ({@link Providers}), with the simulator options on top; each prints its
 * mode line (live or simulator, keys masked) the first time it is used.
 */
public final class ProviderOptions {

    /** The {@code --provider} values, spelled as users type them. */
    public enum Choice { gemini, mistral, both }

    @Option(names = "--provider", paramLabel = "gemini|mistral|both", defaultValue = "both",
            description = "Which provider(s) to use (default: ${DEFAULT-VALUE}).")
    Choice provider = Choice.both;

    @Mixin
    SimulatorOptions simulator = new SimulatorOptions();

    public Choice choice() {
        return provider;
    }

    /** The chosen providers. */
    public List<Provider> providers() {
        return providerSet().select(provider.name());
    }

    /** The providers of this run: {@code .env} and the environment, with the simulator options on top. */
    public ProviderSet providerSet() {
        return Providers.use(simulator.settings());
    }

    /** Like {@link #providers()}, on a simulator with {@code tier} unless {@code --tier} was given. */
    public List<Provider> providers(Tier tierUnlessGiven) {
        return Providers.use(simulator.settings(tierUnlessGiven)).select(provider.name());
    }

    public SimulatorOptions simulator() {
        return simulator;
    }
}
