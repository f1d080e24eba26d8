package io.github.asynccookbook.simulator.protocol;

import java.util.Map;

/**
 * Per-response values the engine decides and the adapters print.
 *
 * @param responseId       Gemini {@code responseId} (about 23 URL-safe base64 chars) or Mistral {@code id} (32 hex)
 * @param createdEpochSeconds Mistral {@code created}
 * @param rateLimitHeaders provider rate-limit headers to add (Mistral {@code x-ratelimit-*}; empty for Gemini)
 */
public record ResponseMeta(String responseId, long createdEpochSeconds, Map<String, String> rateLimitHeaders) {
}
