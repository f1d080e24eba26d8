package io.github.asynccookbook.providers;

import java.util.Locale;

/** The {@code LLM_MODE} setting: where each provider's requests go. */
public enum LlmMode {
    /** Live for a provider whose API key is set, the simulator for the other. */
    AUTO,
    /** Always the embedded simulator, even with keys set. */
    SIMULATOR,
    /** Always the real API; a provider without a key cannot be used. */
    LIVE;

    /** Parses {@code auto}, {@code simulator} or {@code live}, ignoring case. */
    public static LlmMode parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    Provider.Mode resolve(boolean hasKey) {
        return switch (this) {
            case AUTO -> hasKey ? Provider.Mode.LIVE : Provider.Mode.SIMULATOR;
            case SIMULATOR -> Provider.Mode.SIMULATOR;
            case LIVE -> Provider.Mode.LIVE;
        };
    }
}
