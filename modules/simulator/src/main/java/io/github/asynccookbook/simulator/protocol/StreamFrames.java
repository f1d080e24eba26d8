package io.github.asynccookbook.simulator.protocol;

import java.util.List;
import java.util.Map;

/**
 * The bytes of a streamed answer, cut where the engine inserts delays: {@code perChunk.get(i)} is written when
 * chunk i is due (it may hold several SSE events, e.g. Mistral's role-only opener with the first chunk), and
 * {@code trailer} right after the last chunk (Mistral {@code data: [DONE]}, the JSON array's closing bracket).
 */
public record StreamFrames(String contentType, Map<String, String> headers, List<String> perChunk, String trailer) {

    public StreamFrames {
        headers = Map.copyOf(headers);
        perChunk = List.copyOf(perChunk);
    }
}
