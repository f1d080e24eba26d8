package io.github.asynccookbook.recipes;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.TokenUsage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Times one stream as it happens, as a {@link StreamingChatResponseHandler}: call {@link #start()} right before
 * {@code model.chat(...)}, then give it the stream's callbacks. LangChain4j has no first-token hook, so a handler is
 * the only place where time to first token (TTFT) can be measured. A later {@link #start()} begins a new measurement.
 *
 * <pre>{@code
 * var meter = new TtftMeter();
 * Flux<String> chunks = StreamingFlux.stream(model, request, meter::start);  // or call the meter from your handler
 * chunks.blockLast();
 * meter.timing().ifPresent(t -> System.out.println(t.summary()));
 * }</pre>
 *
 * Readings follow the usual LLM benchmarks (LLMPerf, vLLM, GenAI-Perf): {@link System#nanoTime()}, TTFT at the first
 * non-empty text chunk. One file, LangChain4j only.
 */
public final class TtftMeter implements StreamingChatResponseHandler {

    private long startNanos = -1;
    private final List<Long> chunkNanos = new ArrayList<>();
    private Timing timing;

    /** Begins a measurement now; returns this meter, so {@code meter::start} can be passed as a handler supplier. */
    public synchronized TtftMeter start() {
        startNanos = System.nanoTime();
        chunkNanos.clear();
        timing = null;
        return this;
    }

    /** Records a chunk's arrival; empty text does not count, so the first recorded chunk is the first token. */
    @Override
    public void onPartialResponse(String text) {
        long now = System.nanoTime();
        if (text.isEmpty()) {
            return;
        }
        synchronized (this) {
            chunkNanos.add(now);
        }
    }

    /** Ends the measurement; an answer without any text yields no timing, having no first token. */
    @Override
    public void onCompleteResponse(ChatResponse response) {
        long now = System.nanoTime();
        TokenUsage usage = response.tokenUsage();
        Integer outputTokens = usage == null ? null : usage.outputTokenCount();
        synchronized (this) {
            if (startNanos < 0) {
                throw new IllegalStateException("onCompleteResponse() before start()");
            }
            if (!chunkNanos.isEmpty()) {
                timing = new Timing(startNanos, chunkNanos, now, outputTokens == null ? 0 : outputTokens);
            }
        }
    }

    /** A failed stream has no timing. */
    @Override
    public void onError(Throwable error) {
    }

    /** The last completed stream's timing; empty while it runs, or when it failed, was cancelled or had no text. */
    public synchronized Optional<Timing> timing() {
        return Optional.ofNullable(timing);
    }

    /**
     * When one streamed answer started, when each text chunk arrived and when it ended, plus the provider's
     * output-token count: the raw facts behind TTFT, inter-token latency, TPOT and tokens per second, kept raw so
     * a benchmark can aggregate them however it likes.
     *
     * @param startNanos   right before {@code model.chat(...)} was called
     * @param chunkNanos   arrival of each non-empty text chunk, in order (the first one is the first token)
     * @param endNanos     {@code onCompleteResponse}
     * @param outputTokens the provider's {@code tokenUsage().outputTokenCount()}, 0 when it reported none
     */
    public record Timing(long startNanos, List<Long> chunkNanos, long endNanos, int outputTokens) {

        public Timing {
            chunkNanos = List.copyOf(chunkNanos);
            if (chunkNanos.isEmpty()) {
                throw new IllegalArgumentException("a stream without text has no time to first token");
            }
        }

        public long firstTokenNanos() {
            return chunkNanos.getFirst();
        }

        public int chunks() {
            return chunkNanos.size();
        }

        /** Time to first token: from just before the call to the first non-empty text chunk. */
        public Duration ttft() {
            return Duration.ofNanos(firstTokenNanos() - startNanos);
        }

        /** End-to-end latency: from just before the call to the complete response. */
        public Duration total() {
            return Duration.ofNanos(endNanos - startNanos);
        }

        /** The gaps between successive chunks (vLLM's ITL); empty for a one-chunk answer. */
        public List<Duration> interChunkGaps() {
            return IntStream.range(1, chunkNanos.size())
                    .mapToObj(i -> Duration.ofNanos(chunkNanos.get(i) - chunkNanos.get(i - 1)))
                    .toList();
        }

        /** Mean inter-token latency, measured per chunk: (last chunk − first chunk) / (chunks − 1). */
        public Duration meanInterTokenLatency() {
            return chunks() < 2 ? Duration.ZERO
                    : Duration.ofNanos((chunkNanos.getLast() - firstTokenNanos()) / (chunks() - 1));
        }

        /** Time per output token after the first: (total − TTFT) / (output tokens − 1); zero without usage. */
        public Duration timePerOutputToken() {
            return outputTokens < 2 ? Duration.ZERO
                    : Duration.ofNanos((endNanos - firstTokenNanos()) / (outputTokens - 1));
        }

        /** Output tokens per second of the whole request, TTFT included (LLMPerf's per-request throughput). */
        public double tokensPerSecond() {
            return outputTokens / (total().toNanos() / 1e9);
        }

        /** E.g. {@code TTFT 702 ms  ITL 12 ms  TPOT 6.2 ms  total 1.912s  68.5 tok/s  (131 tokens, 73 chunks)}. */
        public String summary() {
            return String.format(Locale.ROOT,
                    "TTFT %d ms  ITL %d ms  TPOT %.1f ms  total %.3fs  %.1f tok/s  (%d tokens, %d chunks)",
                    Math.round(ttft().toNanos() / 1e6), Math.round(meanInterTokenLatency().toNanos() / 1e6),
                    timePerOutputToken().toNanos() / 1e6, total().toNanos() / 1e9, tokensPerSecond(), outputTokens,
                    chunks());
        }
    }
}
