package io.github.asynccookbook.providers;

import io.github.asynccookbook.simulator.SimulatorConfig;
import io.github.asynccookbook.simulator.Tier;

/**
 * How the embedded simulator runs when a provider is simulated ({@code SIM_*} variables).
 *
 * @param timeScale {@code SIM_TIME_SCALE}: 1 = real provider timings, 0.1 = ten times faster
 * @param tier      {@code SIM_TIER}: which published rate limits apply
 * @param seed      {@code SIM_SEED}: same seed, same replies, latencies and faults
 * @param port      {@code SIM_PORT}: 0 picks any free port
 */
public record SimulatorSettings(double timeScale, Tier tier, long seed, int port) {

    private static final SimulatorConfig DEFAULTS = SimulatorConfig.defaults();

    static SimulatorSettings from(Variables variables) {
        return new SimulatorSettings(
                variables.parse("SIM_TIME_SCALE", DEFAULTS.timeScale(), SimulatorSettings::parseTimeScale,
                        "a number >= 0, e.g. 1 for real time or 0.1 for ten times faster"),
                variables.parse("SIM_TIER", DEFAULTS.tier(), Tier::parse, "free, tier1 or unlimited"),
                variables.parse("SIM_SEED", DEFAULTS.seed(), Long::parseLong, "a whole number, e.g. 42"),
                variables.parse("SIM_PORT", DEFAULTS.port(), SimulatorSettings::parsePort,
                        "a port from 1 to 65535, or 0 for any free port"));
    }

    public SimulatorConfig toConfig() {
        return DEFAULTS.toBuilder().timeScale(timeScale).tier(tier).seed(seed).port(port).build();
    }

    private static double parseTimeScale(String value) {
        double scale = Double.parseDouble(value);
        if (!(scale >= 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("time scale out of range");
        }
        return scale;
    }

    private static int parsePort(String value) {
        int port = Integer.parseInt(value);
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range");
        }
        return port;
    }
}
