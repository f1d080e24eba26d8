package io.github.asynccookbook.harness;

import io.github.asynccookbook.providers.Provider;

/**
 * Adds the simulator's prompt directives ({@code [sim:tokens=N]}, {@code [sim:fault=CODE]}, {@code [sim:tool-loop]})
 * when the provider is simulated, and leaves the prompt alone for a real model, which would only be confused by them.
 */
public final class SimulatorHints {

    private SimulatorHints() {
    }

    public static String answerLength(Provider provider, String prompt, int tokens) {
        return provider.simulator().isPresent() ? prompt + " [sim:tokens=" + tokens + "]" : prompt;
    }

    /** {@code [sim:tool-loop]}: the simulated model calls its tool again after every result, as a runaway agent. */
    public static String toolLoop(Provider provider, String prompt) {
        return provider.simulator().isPresent() ? prompt + " [sim:tool-loop]" : prompt;
    }

    public static String fault(Provider provider, String prompt, String code) {
        return provider.simulator().isPresent() ? prompt + " [sim:fault=" + code + "]" : prompt;
    }
}
