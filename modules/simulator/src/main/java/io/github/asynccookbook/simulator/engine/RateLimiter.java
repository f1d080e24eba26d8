package io.github.asynccookbook.simulator.engine;

import io.github.asynccookbook.simulator.ModelProfile;
import io.github.asynccookbook.simulator.RateLimits;
import io.github.asynccookbook.simulator.SimulatorConfig;
import io.github.asynccookbook.simulator.protocol.ApiError;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Enforces each model's limits per API key with sliding-window logs, so a 429's retry delay is exactly the time
 * until the oldest counted request leaves the window. Windows are in real time: model time × time scale.
 * Rejected requests are not counted. An alias counts towards the model it points at.
 */
final class RateLimiter {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration DAY = Duration.ofDays(1);

    private final SimulatorConfig config;
    private final Map<String, Buckets> buckets = new ConcurrentHashMap<>();

    RateLimiter(SimulatorConfig config) {
        this.config = config;
    }

    /** What a caller is told about its remaining budget (Mistral prints it as x-ratelimit-* headers). */
    record Budget(RateLimits limits, int requestsRemaining, long tokensRemaining, long tokensCost) {
    }

    /**
     * Counts the request if every limit allows it.
     *
     * @param tokens the tokens this request costs (Gemini: input, Mistral: input + output)
     * @throws ApiError RATE_LIMITED with the delay until the exhausted window frees
     */
    Budget admit(ModelProfile model, String apiKey, long tokens, long nowNanos) {
        RateLimits limits = model.limits(config.tier());
        if (limits.unlimited() || config.timeScale() == 0) {
            return new Budget(limits, Integer.MAX_VALUE, Long.MAX_VALUE, tokens);
        }
        Buckets bucket = buckets(model, limits, apiKey);
        synchronized (bucket) {
            check(model, ApiError.Quota.REQUESTS_PER_WINDOW, limits.requests(), bucket.requests, 1, nowNanos);
            check(model, ApiError.Quota.TOKENS_PER_MINUTE, limits.tokensPerMinute(), bucket.tokens, tokens, nowNanos);
            check(model, ApiError.Quota.REQUESTS_PER_DAY, limits.requestsPerDay(), bucket.daily, 1, nowNanos);
            bucket.requests.add(nowNanos, 1);
            bucket.tokens.add(nowNanos, tokens);
            bucket.daily.add(nowNanos, 1);
            return budget(limits, bucket, tokens, nowNanos);
        }
    }

    /** The budget left right now, without counting anything. */
    Budget remaining(ModelProfile model, String apiKey, long nowNanos) {
        RateLimits limits = model.limits(config.tier());
        if (limits.unlimited() || config.timeScale() == 0) {
            return new Budget(limits, Integer.MAX_VALUE, Long.MAX_VALUE, 0);
        }
        Buckets bucket = buckets(model, limits, apiKey);
        synchronized (bucket) {
            return budget(limits, bucket, 0, nowNanos);
        }
    }

    private Buckets buckets(ModelProfile model, RateLimits limits, String apiKey) {
        return buckets.computeIfAbsent(model.model() + '\u0000' + apiKey, k -> new Buckets(
                new SlidingWindow(config.scaled(limits.requestWindow()).toNanos()),
                new SlidingWindow(config.scaled(MINUTE).toNanos()),
                new SlidingWindow(config.scaled(DAY).toNanos())));
    }

    private static Budget budget(RateLimits limits, Buckets bucket, long cost, long nowNanos) {
        return new Budget(limits,
                limits.requests() == 0 ? Integer.MAX_VALUE : (int) (limits.requests() - bucket.requests.used(nowNanos)),
                limits.tokensPerMinute() == 0 ? Long.MAX_VALUE : limits.tokensPerMinute() - bucket.tokens.used(nowNanos),
                cost);
    }

    void reset() {
        buckets.clear();
    }

    private static void check(ModelProfile model, ApiError.Quota quota, long limit, SlidingWindow window, long cost,
                              long nowNanos) {
        if (limit == 0) {
            return;
        }
        long waitNanos = window.waitFor(cost, limit, nowNanos);
        if (waitNanos > 0) {
            throw ApiError.rateLimited(model.model(), quota, limit, Duration.ofNanos(waitNanos));
        }
    }

    private record Buckets(SlidingWindow requests, SlidingWindow tokens, SlidingWindow daily) {
    }
}
