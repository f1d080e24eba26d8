package io.github.asynccookbook.chapter04;

import io.github.asynccookbook.report.Durations;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * When one streamed answer started, when each text chunk arrived and when it ended, all {@link System#nanoTime()}
 * readings, plus the provider's output-token count: the raw facts behind TTFT, inter-token latency, TPOT and
 * tokens per second, kept raw so a benchmark can aggregate them however it likes.
 *
 * @param startNanos   right before {@code model.chat(...)} was called
 * @param chunkNanos   arrival of each non-empty text chunk, in order (the first one is the first token)
 * @param endNanos     {@code onCompleteResponse}
 * @param outputTokens the provider's {@code tokenUsage().outputTokenCount()}, 0 when it reported none
 */
public record StreamTiming(long startNanos, List<Long> chunkNanos, long endNanos, int outputTokens) {

    public StreamTiming {
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
        return String.format(Locale.ROOT, "TTFT %s  ITL %s  TPOT %.1f ms  total %s  %.1f tok/s  (%d tokens, %d chunks)",
                Durations.millis(ttft()), Durations.millis(meanInterTokenLatency()),
                timePerOutputToken().toNanos() / 1e6, Durations.seconds(total()), tokensPerSecond(), outputTokens,
                chunks());
    }
}
