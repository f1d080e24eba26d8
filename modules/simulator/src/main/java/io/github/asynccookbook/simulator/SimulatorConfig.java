package io.github.asynccookbook.simulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything a simulator run can be configured with. Start from {@link #defaults()} and change what you need:
 * {@code SimulatorConfig.defaults().toBuilder().timeScale(0.02).tier(Tier.UNLIMITED).build()}.
 *
 * @param host          address to bind, loopback by default
 * @param port          port to bind, 0 for any free port
 * @param timeScale     factor applied to every delay and rate-limit window (1 = real time, 0.02 = 50x faster,
 *                      0 = no delays and no rate limits)
 * @param tier          which published rate-limit tier every model enforces
 * @param seed          seed for content, latency jitter and fault rolls
 * @param faultRates    probability of each fault per request
 * @param geminiApiKey  the only Gemini key accepted, or null to accept any non-empty key
 * @param mistralApiKey the only Mistral key accepted, or null to accept any non-empty key
 * @param stallDuration how long the stall faults hold, in model time
 * @param errorLatency  how long an error answer takes, in model time
 * @param models        the model profiles served, by id
 */
public record SimulatorConfig(String host, int port, double timeScale, Tier tier, long seed, FaultRates faultRates,
                              String geminiApiKey, String mistralApiKey, Duration stallDuration,
                              Duration errorLatency, Map<String, ModelProfile> models) {

    public SimulatorConfig {
        if (timeScale < 0 || Double.isNaN(timeScale) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("time scale must be a finite number >= 0, got " + timeScale);
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        models = Map.copyOf(models);
    }

    public static SimulatorConfig defaults() {
        return new SimulatorConfig("127.0.0.1", 0, 1.0, Tier.TIER1, 42, FaultRates.NONE, null, null,
                Duration.ofSeconds(120), Duration.ofMillis(100), ModelProfiles.defaults());
    }

    /** A model-time duration in real time under this config's time scale. */
    public Duration scaled(Duration modelTime) {
        return Duration.ofNanos(Math.round(modelTime.toNanos() * timeScale));
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public static final class Builder {
        private String host;
        private int port;
        private double timeScale;
        private Tier tier;
        private long seed;
        private FaultRates faultRates;
        private String geminiApiKey;
        private String mistralApiKey;
        private Duration stallDuration;
        private Duration errorLatency;
        private final Map<String, ModelProfile> models;

        private Builder(SimulatorConfig from) {
            host = from.host;
            port = from.port;
            timeScale = from.timeScale;
            tier = from.tier;
            seed = from.seed;
            faultRates = from.faultRates;
            geminiApiKey = from.geminiApiKey;
            mistralApiKey = from.mistralApiKey;
            stallDuration = from.stallDuration;
            errorLatency = from.errorLatency;
            models = new LinkedHashMap<>(from.models);
        }

        public Builder host(String host) { this.host = host; return this; }
        public Builder port(int port) { this.port = port; return this; }
        public Builder timeScale(double timeScale) { this.timeScale = timeScale; return this; }
        public Builder tier(Tier tier) { this.tier = tier; return this; }
        public Builder seed(long seed) { this.seed = seed; return this; }
        public Builder faultRates(FaultRates faultRates) { this.faultRates = faultRates; return this; }
        public Builder faultRate(Fault fault, double rate) { this.faultRates = faultRates.with(fault, rate); return this; }
        public Builder geminiApiKey(String key) { this.geminiApiKey = key; return this; }
        public Builder mistralApiKey(String key) { this.mistralApiKey = key; return this; }
        public Builder stallDuration(Duration stallDuration) { this.stallDuration = stallDuration; return this; }
        public Builder errorLatency(Duration errorLatency) { this.errorLatency = errorLatency; return this; }
        public Builder model(ModelProfile profile) { models.put(profile.id(), profile); return this; }

        public SimulatorConfig build() {
            return new SimulatorConfig(host, port, timeScale, tier, seed, faultRates, geminiApiKey, mistralApiKey,
                    stallDuration, errorLatency, models);
        }
    }
}
