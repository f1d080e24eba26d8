package io.github.asynccookbook.simulator.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A complete, non-streamed HTTP answer. */
public record HttpReply(int status, String contentType, Map<String, String> headers, byte[] body) {

    public HttpReply {
        headers = Map.copyOf(headers);
    }

    public static HttpReply json(int status, String body) {
        return new HttpReply(status, "application/json", Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    public HttpReply withHeaders(Map<String, String> extra) {
        var merged = new java.util.LinkedHashMap<>(headers);
        merged.putAll(extra);
        return new HttpReply(status, contentType, merged, body);
    }
}
