package io.github.asynccookbook.chapter04;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Takes the {@link System#nanoTime()} readings of one stream as it happens: call {@link #start()} right before
 * {@code model.chat(...)}, {@link #chunk(String)} first thing in {@code onPartialResponse}, and
 * {@link #complete(ChatResponse)} in {@code onCompleteResponse}. LangChain4j has no first-token hook, so the
 * handler is the only place TTFT can be measured. A later {@link #start()} begins a new measurement.
 */
public final class TtftMeter {

    private long startNanos = -1;
    private final List<Long> chunkNanos = new ArrayList<>();
    private StreamTiming timing;

    public synchronized void start() {
        startNanos = System.nanoTime();
        chunkNanos.clear();
        timing = null;
    }

    /** Records a chunk's arrival; empty text does not count, so the first recorded chunk is the first token. */
    public void chunk(String text) {
        long now = System.nanoTime();
        if (text.isEmpty()) {
            return;
        }
        synchronized (this) {
            chunkNanos.add(now);
        }
    }

    /** Ends the measurement; an answer without any text yields no timing, having no first token. */
    public void complete(ChatResponse response) {
        long now = System.nanoTime();
        TokenUsage usage = response.tokenUsage();
        Integer outputTokens = usage == null ? null : usage.outputTokenCount();
        synchronized (this) {
            if (startNanos < 0) {
                throw new IllegalStateException("complete() before start()");
            }
            if (!chunkNanos.isEmpty()) {
                timing = new StreamTiming(startNanos, chunkNanos, now, outputTokens == null ? 0 : outputTokens);
            }
        }
    }

    /** The last completed stream's timing; empty while it runs, or when it failed, was cancelled or had no text. */
    public synchronized Optional<StreamTiming> timing() {
        return Optional.ofNullable(timing);
    }
}
