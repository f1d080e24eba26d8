package io.github.asynccookbook.simulator.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.asynccookbook.simulator.protocol.HttpReply;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The content types and the headers every Gemini answer carries, so recorded traffic and ours look alike. */
final class GeminiHttp {

    static final String JSON = "application/json; charset=UTF-8";
    static final String EVENT_STREAM = "text/event-stream";
    static final Map<String, String> HEADERS = Map.of(
            "vary", "Origin, X-Origin, Referer",
            "server", "scaffolding on HTTPServer2",
            "x-xss-protection", "0",
            "x-frame-options", "SAMEORIGIN",
            "x-content-type-options", "nosniff");

    private GeminiHttp() {
    }

    /** A pretty-printed JSON answer with Google's trailing line break. */
    static HttpReply json(int status, JsonNode body) {
        return new HttpReply(status, JSON, HEADERS, (GoogleJson.pretty(body) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** A {@link #json} answer framed as the JSON-array stream frames its objects: {@code [{…}\n]}. */
    static HttpReply inJsonArray(HttpReply reply) {
        String object = new String(reply.body(), StandardCharsets.UTF_8).stripTrailing();
        return new HttpReply(reply.status(), reply.contentType(), reply.headers(),
                ("[" + object + "\n]").getBytes(StandardCharsets.UTF_8));
    }
}
