package io.github.asynccookbook.harness;

import io.github.asynccookbook.providers.ProviderSettings;
import io.github.asynccookbook.providers.SimulatorSettings;
import io.github.asynccookbook.simulator.Tier;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The options of the simulator a main starts when a provider has no key: they override {@code SIM_TIER},
 * {@code SIM_SEED} and {@code SIM_TIME_SCALE} from {@code .env} and the environment, and change nothing for a
 * provider that goes live. Parsed here once for every chapter.
 */
public final class SimulatorOptions {

    /** Slower than a hundred times real time is no simulation of a provider any more. */
    static final double MAX_TIME_SCALE = 100;

    @Option(names = "--tier", paramLabel = "free|tier1|unlimited", converter = TierConverter.class,
            description = "Simulated rate limits (default: SIM_TIER or tier1). free shows 429s: Gemini 10 requests "
                    + "per minute, Mistral 1 per second.")
    Tier tier;

    @Option(names = "--seed", paramLabel = "N", description = "Simulator seed (default: SIM_SEED or 42).")
    Long seed;

    @Option(names = "--time-scale", paramLabel = "X", converter = TimeScaleConverter.class,
            description = "Simulator speed: 1 = real provider timings, 0.1 = ten times faster "
                    + "(default: SIM_TIME_SCALE or 1).")
    Double timeScale;

    /** The settings from {@code .env} and the environment, with these options on top. */
    public ProviderSettings settings() {
        return settings(null);
    }

    /** Like {@link #settings()}, with {@code tier} unless {@code --tier} was given (null: the settings' tier). */
    public ProviderSettings settings(Tier tierUnlessGiven) {
        ProviderSettings loaded = ProviderSettings.load();
        SimulatorSettings simulator = loaded.simulator();
        Tier fallbackTier = tierUnlessGiven != null ? tierUnlessGiven : simulator.tier();
        return loaded.withSimulator(new SimulatorSettings(
                timeScale != null ? timeScale : simulator.timeScale(),
                tier != null ? tier : fallbackTier,
                seed != null ? seed : simulator.seed(),
                simulator.port()));
    }

    static final class TierConverter implements ITypeConverter<Tier> {
        @Override
        public Tier convert(String value) {
            try {
                return Tier.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a tier: use free, tier1 or unlimited");
            }
        }
    }

    static final class TimeScaleConverter implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            try {
                double scale = Double.parseDouble(value);
                if (scale >= 0 && scale <= MAX_TIME_SCALE) {
                    return scale;
                }
            } catch (NumberFormatException notANumber) {
                // reported below like any other bad value
            }
            throw new TypeConversionException("'" + value + "' is not a time scale: use a number from 0 to "
                    + (int) MAX_TIME_SCALE + ", e.g. 0.1 for ten times faster");
        }
    }
}
