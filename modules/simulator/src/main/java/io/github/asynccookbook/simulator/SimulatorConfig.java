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
 *                      0 = no delays and no rate limits), at most {@value #MAX_TIME_SCALE}
 * @param tier          which published rate-limit tier every model enforces
 * @param seed          seed for content, latency jitter and fault rolls
 * @param faultRates    probability of each fault per request
 * @param geminiApiKey  the only Gemini key accepted, or null to accept any non-empty key
 * @param mistralApiKey the only Mistral key accepted, or null to accept any non-empty key
 * @param stallDuration how long the stall faults hold, in model time
 * @param errorLatency  how long an error answer takes, in model time
 * @param models        the profiles served, by every name a client may use: an alias maps to a copy of the profile
 *                      of the model it points at ({@link ModelProfile#aliasOf()})
 * @param maxRequestBytes the largest request body accepted; a larger one gets the provider's "too large" answer
 * @param idleTimeout   how long a keep-alive connection may wait for its next request before it is closed
 * @param requestReadTimeout how long a client may take to send a whole request, from its first byte, before the
 *                      connection is closed (each slow client holds a connection)
 */
public record SimulatorConfig(String host, int port, double timeScale, Tier tier, long seed, FaultRates faultRates,
                              String geminiApiKey, String mistralApiKey, Duration stallDuration,
                              Duration errorLatency, Map<String, ModelProfile> models, int maxRequestBytes,
                              Duration idleTimeout, Duration requestReadTimeout) {

    /** Gemini's limit on an inline request: "Request payload size exceeds the limit: 20971520 bytes." */
    public static final int GEMINI_REQUEST_LIMIT = 20 * 1024 * 1024;
    /** 1000 times slower than real time already turns a 0.6 s TTFT into ten minutes. */
    public static final double MAX_TIME_SCALE = 1000;

    public SimulatorConfig {
        if (!(timeScale >= 0 && timeScale <= MAX_TIME_SCALE)) {   // NaN fails both
            throw new IllegalArgumentException("time scale must be a number from 0 to " + (int) MAX_TIME_SCALE
                    + ", got " + timeScale);
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        if (maxRequestBytes < 1) {
            throw new IllegalArgumentException("the request size limit must be at least 1 byte, got " + maxRequestBytes);
        }
        requirePositive(idleTimeout, "idle timeout");
        requirePositive(requestReadTimeout, "request read timeout");
        models = Map.copyOf(models);
    }

    public static SimulatorConfig defaults() {
        return new SimulatorConfig("127.0.0.1", 0, 1.0, Tier.TIER1, 42, FaultRates.NONE, null, null,
                Duration.ofSeconds(120), Duration.ofMillis(100), ModelProfiles.defaults(), GEMINI_REQUEST_LIMIT,
                Duration.ofSeconds(60), Duration.ofSeconds(30));
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + duration);
        }
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
        private int maxRequestBytes;
        private Duration idleTimeout;
        private Duration requestReadTimeout;

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
            maxRequestBytes = from.maxRequestBytes;
            idleTimeout = from.idleTimeout;
            requestReadTimeout = from.requestReadTimeout;
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
        public Builder maxRequestBytes(int maxRequestBytes) { this.maxRequestBytes = maxRequestBytes; return this; }
        public Builder idleTimeout(Duration idleTimeout) { this.idleTimeout = idleTimeout; return this; }
        public Builder requestReadTimeout(Duration timeout) { this.requestReadTimeout = timeout; return this; }

        /** Serves {@code profile} under its id; the aliases that point at that id follow it. */
        public Builder model(ModelProfile profile) {
            models.put(profile.id(), profile);
            if (!profile.isAlias()) {
                models.replaceAll((name, served) -> profile.id().equals(served.aliasOf())
                        ? profile.aliasedAs(name, served.displayName()) : served);
            }
            return this;
        }

        public SimulatorConfig build() {
            return new SimulatorConfig(host, port, timeScale, tier, seed, faultRates, geminiApiKey, mistralApiKey,
                    stallDuration, errorLatency, models, maxRequestBytes, idleTimeout, requestReadTimeout);
        }
    }
}
