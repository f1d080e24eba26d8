package io.github.asynccookbook.simulator;

import java.time.Duration;

/**
 * Limits for one model and key, in model time (the time scale shortens every window).
 *
 * @param requests       requests allowed per {@code requestWindow} (0 = no limit); Gemini counts per minute,
 *                       Mistral per second
 * @param requestWindow  the window {@code requests} applies to
 * @param tokensPerMinute tokens per minute (0 = no limit); Gemini counts input tokens, Mistral input + output
 * @param requestsPerDay requests per day (0 = no limit)
 */
public record RateLimits(int requests, Duration requestWindow, long tokensPerMinute, int requestsPerDay) {

    public static final RateLimits NONE = new RateLimits(0, Duration.ofMinutes(1), 0, 0);

    public static RateLimits perMinute(int requests, long tokensPerMinute, int requestsPerDay) {
        return new RateLimits(requests, Duration.ofMinutes(1), tokensPerMinute, requestsPerDay);
    }

    public static RateLimits perSecond(int requests, long tokensPerMinute) {
        return new RateLimits(requests, Duration.ofSeconds(1), tokensPerMinute, 0);
    }

    public boolean unlimited() {
        return requests == 0 && tokensPerMinute == 0 && requestsPerDay == 0;
    }
}
