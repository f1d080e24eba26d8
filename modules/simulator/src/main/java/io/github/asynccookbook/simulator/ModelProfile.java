package io.github.asynccookbook.simulator;

import java.time.Duration;
import java.util.Map;

/**
 * How one simulated model behaves: latency, speed, chunking, reply length and rate limits per tier.
 * Durations are model time; {@link SimulatorConfig#timeScale()} scales them.
 *
 * @param id              the model id clients send, e.g. {@code gemini-2.5-flash}
 * @param ttftMedian      median time to first token
 * @param ttftJitter      sigma of the log-normal spread around the median (0 = none)
 * @param tokensPerSecond output speed once the first token is out
 * @param chunkTokensMin  fewest tokens per streamed chunk (Gemini sends coarse chunks, Mistral one or two tokens)
 * @param chunkTokensMax  most tokens per streamed chunk
 * @param replyTokensMin  shortest typical answer
 * @param replyTokensMax  longest typical answer (the request's max tokens caps it further)
 * @param outputTokenLimit the model's own cap on output tokens
 * @param inputTokenLimit  the model's context size
 * @param aliasOf          for a public alias ({@code gemini-flash-latest}), the id of the model it points at; null
 *                         for a model in its own right
 */
public record ModelProfile(String id, Protocol protocol, String displayName, Duration ttftMedian, double ttftJitter,
                           double tokensPerSecond, int chunkTokensMin, int chunkTokensMax, int replyTokensMin,
                           int replyTokensMax, int outputTokenLimit, int inputTokenLimit,
                           Map<Tier, RateLimits> limits, String aliasOf) {

    public ModelProfile {
        limits = Map.copyOf(limits);
        if (tokensPerSecond <= 0 || chunkTokensMin < 1 || chunkTokensMax < chunkTokensMin
                || replyTokensMin < 1 || replyTokensMax < replyTokensMin) {
            throw new IllegalArgumentException("inconsistent profile for " + id);
        }
    }

    /** A model in its own right. */
    public ModelProfile(String id, Protocol protocol, String displayName, Duration ttftMedian, double ttftJitter,
                        double tokensPerSecond, int chunkTokensMin, int chunkTokensMax, int replyTokensMin,
                        int replyTokensMax, int outputTokenLimit, int inputTokenLimit, Map<Tier, RateLimits> limits) {
        this(id, protocol, displayName, ttftMedian, ttftJitter, tokensPerSecond, chunkTokensMin, chunkTokensMax,
                replyTokensMin, replyTokensMax, outputTokenLimit, inputTokenLimit, limits, null);
    }

    /** The model this name serves: its own id, or the id an alias points at. Rate limits count per model. */
    public String model() {
        return aliasOf == null ? id : aliasOf;
    }

    public boolean isAlias() {
        return aliasOf != null;
    }

    /** This model served under another public name, which behaves exactly like it and shares its rate limits. */
    public ModelProfile aliasedAs(String name, String aliasDisplayName) {
        return new ModelProfile(name, protocol, aliasDisplayName, ttftMedian, ttftJitter, tokensPerSecond,
                chunkTokensMin, chunkTokensMax, replyTokensMin, replyTokensMax, outputTokenLimit, inputTokenLimit,
                limits, model());
    }

    public RateLimits limits(Tier tier) {
        return limits.getOrDefault(tier, RateLimits.NONE);
    }

    public ModelProfile withTtft(Duration median, double jitter) {
        return new ModelProfile(id, protocol, displayName, median, jitter, tokensPerSecond, chunkTokensMin,
                chunkTokensMax, replyTokensMin, replyTokensMax, outputTokenLimit, inputTokenLimit, limits, aliasOf);
    }

    public ModelProfile withLimits(Tier tier, RateLimits rateLimits) {
        var copy = new java.util.EnumMap<Tier, RateLimits>(Tier.class);
        copy.putAll(limits);
        copy.put(tier, rateLimits);
        return new ModelProfile(id, protocol, displayName, ttftMedian, ttftJitter, tokensPerSecond, chunkTokensMin,
                chunkTokensMax, replyTokensMin, replyTokensMax, outputTokenLimit, inputTokenLimit, copy, aliasOf);
    }
}
