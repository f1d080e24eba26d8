package io.github.asynccookbook.simulator.mistral;

import io.github.asynccookbook.simulator.protocol.ResponseMeta;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Headers of a successful answer: the engine's {@code x-ratelimit-*} values and a {@code mistral-correlation-id}. */
final class ResponseHeaders {

    private ResponseHeaders() {
    }

    /** The correlation id is a UUID derived from the response id, so one answer always carries the same pair. */
    static Map<String, String> of(ResponseMeta meta) {
        var headers = new LinkedHashMap<String, String>();
        headers.put("mistral-correlation-id",
                UUID.nameUUIDFromBytes(meta.responseId().getBytes(StandardCharsets.UTF_8)).toString());
        headers.putAll(meta.rateLimitHeaders());
        return headers;
    }
}
