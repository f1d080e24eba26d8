package io.github.asynccookbook.simulator.protocol;

import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The bytes of a streamed answer, cut where the engine inserts delays: {@code perChunk.get(i)} is written when
 * chunk i is due (it may hold several SSE events, e.g. Mistral's role-only opener with the first chunk), and
 * {@code trailer} right after the last chunk (Mistral {@code data: [DONE]}, the JSON array's closing bracket).
 */
public record StreamFrames(String contentType, Map<String, String> headers, List<String> perChunk, String trailer) {

    public StreamFrames {
        headers = Map.copyOf(headers);
    }

    /**
     * Frames rendered only when asked for: an in-flight stream then holds its reply, not the bytes of every chunk
     * still to come, which keeps thousands of concurrent streams cheap for the garbage collector.
     */
    public static StreamFrames rendered(String contentType, Map<String, String> headers, int chunks,
                                        IntFunction<String> frame, String trailer) {
        return new StreamFrames(contentType, headers, new AbstractList<>() {
            @Override
            public String get(int index) {
                return frame.apply(index);
            }

            @Override
            public int size() {
                return chunks;
            }
        }, trailer);
    }
}
