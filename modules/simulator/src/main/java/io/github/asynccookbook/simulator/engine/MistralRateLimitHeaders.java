package io.github.asynccookbook.simulator.engine;

import io.github.asynccookbook.simulator.RateLimits;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Mistral's {@code x-ratelimit-*} headers. The request window names the header, as Mistral's own variants do
 * ({@code -req-minute}, {@code -req-10-second}); a 1-second window gives {@code -req-second}.
 */
final class MistralRateLimitHeaders {

    private MistralRateLimitHeaders() {
    }

    static Map<String, String> of(RateLimits limits, long requestsRemaining, long tokensRemaining, long cost) {
        var headers = new LinkedHashMap<String, String>();
        if (limits.requests() > 0) {
            String window = windowName(limits.requestWindow());
            headers.put("x-ratelimit-limit-req-" + window, Long.toString(limits.requests()));
            headers.put("x-ratelimit-remaining-req-" + window, Long.toString(Math.max(0, requestsRemaining)));
        }
        if (limits.tokensPerMinute() > 0) {
            headers.put("x-ratelimit-limit-tokens-minute", Long.toString(limits.tokensPerMinute()));
            headers.put("x-ratelimit-remaining-tokens-minute", Long.toString(Math.max(0, tokensRemaining)));
        }
        if (!headers.isEmpty()) {
            headers.put("x-ratelimit-tokens-query-cost", Long.toString(cost));
        }
        return headers;
    }

    private static String windowName(Duration window) {
        long seconds = window.toSeconds();
        if (seconds == 60) {
            return "minute";
        }
        return seconds == 1 ? "second" : seconds + "-second";
    }
}
