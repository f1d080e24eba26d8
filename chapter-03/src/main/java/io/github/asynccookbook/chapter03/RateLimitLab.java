package io.github.asynccookbook.chapter03;

import io.github.asynccookbook.report.Durations;
import io.github.asynccookbook.simulator.Simulator;
import io.github.asynccookbook.simulator.SimulatorConfig;
import io.github.asynccookbook.simulator.Tier;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;

/**
 * The dedicated simulator the rate-limit examples run on, whatever {@code .env} says: hitting a real free tier on
 * purpose burns its daily quota, and a real minute-long window would make every run minutes long. The time scale
 * shortens the windows (and latencies) so the same limits play out in seconds.
 */
final class RateLimitLab {

    @Option(names = "--tier", defaultValue = "free", converter = LimitedTier.class,
            description = "rate-limit tier of the dedicated simulator: free or tier1 (default: ${DEFAULT-VALUE})")
    Tier tier;

    @Option(names = "--time-scale", defaultValue = "0.05", converter = PositiveScale.class,
            description = "time scale of the dedicated simulator; 0.05 makes a minute last 3 s (default: ${DEFAULT-VALUE})")
    double timeScale;

    Simulator start() {
        return Simulator.start(SimulatorConfig.defaults().toBuilder().tier(tier).timeScale(timeScale).build());
    }

    String describe() {
        Duration minute = Duration.ofNanos(Math.round(Duration.ofMinutes(1).toNanos() * timeScale));
        return "Rate limits: a dedicated simulator, tier %s, time scale %s (a minute lasts %s)"
                .formatted(tier.id(), timeScale, Durations.seconds(minute));
    }

    static final class LimitedTier implements ITypeConverter<Tier> {
        @Override
        public Tier convert(String value) {
            Tier tier;
            try {
                tier = Tier.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
            if (tier == Tier.UNLIMITED) {
                throw new TypeConversionException("the rate-limit examples need a tier with limits: free or tier1");
            }
            return tier;
        }
    }

    static final class PositiveScale implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            try {
                double scale = Double.parseDouble(value.trim());
                if (scale > 0 && !Double.isInfinite(scale)) {
                    return scale;
                }
            } catch (NumberFormatException notANumber) {
                // reported below like any other bad value
            }
            throw new TypeConversionException("'" + value + "' is not a time scale > 0 (1 = real time)");
        }
    }
}
