package io.github.asynccookbook.chapter03;

import io.github.asynccookbook.recipes.SlidingWindowRateLimiter;
import io.github.asynccookbook.recipes.SlidingWindowRateLimiter.Limit;
import io.github.asynccookbook.simulator.ModelProfile;
import io.github.asynccookbook.simulator.RateLimits;
import io.github.asynccookbook.simulator.Simulator;
import io.github.asynccookbook.simulator.SimulatorConfig;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;

import java.time.Duration;

/**
 * A model's rate limits as a client has to respect them, and the two limiters of this chapter built from them.
 *
 * @param requests requests allowed per {@code requestWindow}
 * @param tokens   tokens allowed per {@code tokenWindow} (0 = not limited)
 * @param margin   added to every window: the provider starts counting when a request arrives, not when we sent it,
 *                 so a request that travels slowly lands closer to the next one than we spaced them
 */
public record PublishedLimits(long requests, Duration requestWindow, long tokens, Duration tokenWindow,
                              Duration margin) {

    /** Covers ordinary network and scheduling jitter. */
    public static final Duration DEFAULT_MARGIN = Duration.ofMillis(100);

    /** How long a limited caller may queue for a Resilience4j permit before it gives up. */
    private static final Duration PERMIT_TIMEOUT = Duration.ofMinutes(10);

    public PublishedLimits {
        if (requests < 1) {
            throw new IllegalArgumentException("no request limit to respect: pick a tier with limits (free or tier1)");
        }
    }

    /**
     * The limits the simulator enforces on {@code model}: the provider's published figures for its tier, with the
     * windows shortened by its time scale.
     */
    public static PublishedLimits of(Simulator simulator, String model) {
        SimulatorConfig config = simulator.config();
        ModelProfile profile = config.models().get(model);
        if (profile == null) {
            throw new IllegalArgumentException("the simulator has no model '" + model + "'");
        }
        RateLimits limits = profile.limits(config.tier());
        return new PublishedLimits(limits.requests(), config.scaled(limits.requestWindow()),
                limits.tokensPerMinute(), config.scaled(Duration.ofMinutes(1)), DEFAULT_MARGIN);
    }

    public PublishedLimits withMargin(Duration margin) {
        return new PublishedLimits(requests, requestWindow, tokens, tokenWindow, margin);
    }

    /** The hand-built limiter: up to {@code requests} at once, then one more each time the oldest leaves the window. */
    public SlidingWindowRateLimiter slidingWindow() {
        return new SlidingWindowRateLimiter(new Limit(requests, requestWindow.plus(margin)),
                tokens == 0 ? null : new Limit(tokens, tokenWindow.plus(margin)));
    }

    // tag::resilience4j[]
    /**
     * Resilience4j counts in fixed cycles from its creation, the provider in a sliding window: a full cycle's permits
     * at the end of one cycle plus the next cycle's at its start would be twice the limit in one window. So: one
     * permit per cycle, cycles of window / limit, evenly spaced requests. A permit taken late in its cycle still
     * comes close to the next cycle's; the margin and a retry behind the limiter cover that.
     */
    public RateLimiterConfig resilience4j() {
        return RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(requestWindow.plus(margin).dividedBy(requests))
                .timeoutDuration(PERMIT_TIMEOUT)
                .build();
    }
    // end::resilience4j[]
}
