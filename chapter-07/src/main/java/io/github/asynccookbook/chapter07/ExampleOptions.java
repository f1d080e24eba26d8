package io.github.asynccookbook.chapter07;

import io.github.asynccookbook.harness.ProviderOptions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.providers.SimulatorSettings;
import io.github.asynccookbook.simulator.Simulator;
import io.github.asynccookbook.simulator.SimulatorConfig;
import io.github.asynccookbook.simulator.Tier;
import picocli.CommandLine.Mixin;

import java.time.Duration;
import java.util.List;

/**
 * The options every example takes, and the simulator they run on. Failures are forced with the simulator's
 * {@code [sim:fault=...]} directive and checked against what it recorded, so every example starts its own.
 */
public final class ExampleOptions {

    /** The only keys the chapter's simulator accepts: any other one is a "wrong key". */
    static final String GEMINI_KEY = "chapter07-gemini-key";
    static final String MISTRAL_KEY = "chapter07-mistral-key";

    /** How long a stall fault holds the answer, in real time whatever the time scale: longer than every timeout here. */
    static final Duration STALL = Duration.ofSeconds(5);

    @Mixin
    ProviderOptions providers = new ProviderOptions();

    /** A simulator for this run: the options' time scale, seed and tier (unlimited unless --tier), the chapter's keys. */
    Simulator startSimulator() {
        SimulatorSettings settings = providers.simulator().settings(Tier.UNLIMITED).simulator();
        return Simulator.start(config(settings.timeScale(), settings.seed(), settings.tier()));
    }

    static SimulatorConfig config(double timeScale, long seed, Tier tier) {
        return SimulatorConfig.defaults().toBuilder()
                .timeScale(timeScale).seed(seed).tier(tier)
                .geminiApiKey(GEMINI_KEY).mistralApiKey(MISTRAL_KEY)
                .stallDuration(Duration.ofNanos(Math.round(STALL.toNanos() / Math.max(timeScale, 0.001))))
                .build();
    }

    /** The providers chosen with {@code --provider}, on the given simulator. */
    List<Provider> providers(Simulator simulator) {
        return ProviderSet.forSimulator(simulator).select(providers.choice().name());
    }

    /** {@code -- 1. Gemini (gemini-2.5-flash): what the example shows --}, before each provider's part. */
    static void heading(Provider provider, String number, String title) {
        System.out.printf("%n-- %s. %s (%s): %s --%n", number, provider.displayName(), provider.modelName(), title);
    }
}
