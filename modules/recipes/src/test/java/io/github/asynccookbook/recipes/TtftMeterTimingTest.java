package io.github.asynccookbook.recipes;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TtftMeterTimingTest {

    private static final long MS = 1_000_000;

    /** Start at 0, chunks at 100, 130, 150 and 190 ms, end at 200 ms, 21 output tokens. */
    private final TtftMeter.Timing timing = new TtftMeter.Timing(0, List.of(100 * MS, 130 * MS, 150 * MS, 190 * MS), 200 * MS, 21);

    @Test
    void ttftRunsFromTheStartToTheFirstChunk() {
        assertThat(timing.firstTokenNanos()).isEqualTo(100 * MS);
        assertThat(timing.ttft()).isEqualTo(Duration.ofMillis(100));
        assertThat(timing.total()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void interTokenLatencyIsMeasuredBetweenChunks() {
        assertThat(timing.interChunkGaps()).containsExactly(Duration.ofMillis(30), Duration.ofMillis(20), Duration.ofMillis(40));
        assertThat(timing.meanInterTokenLatency()).isEqualTo(Duration.ofMillis(30));
    }

    @Test
    void timePerOutputTokenSpreadsTheTimeAfterTheFirstTokenOverTheOtherTokens() {
        assertThat(timing.timePerOutputToken()).isEqualTo(Duration.ofMillis(5));   // (200 - 100) / (21 - 1)
        assertThat(timing.tokensPerSecond()).isCloseTo(105.0, within(1e-9));       // 21 tokens / 0.2 s
    }

    @Test
    void withoutUsageThereIsNoPerTokenFigure() {
        var noUsage = new TtftMeter.Timing(0, List.of(100 * MS), 200 * MS, 0);
        assertThat(noUsage.timePerOutputToken()).isZero();
        assertThat(noUsage.tokensPerSecond()).isZero();
        assertThat(noUsage.meanInterTokenLatency()).isZero();
    }

    @Test
    void aStreamWithoutTextHasNoTiming() {
        assertThatThrownBy(() -> new TtftMeter.Timing(0, List.of(), 200 * MS, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void summaryShowsEveryMetric() {
        assertThat(timing.summary())
                .isEqualTo("TTFT 100 ms  ITL 30 ms  TPOT 5.0 ms  total 0.200s  105.0 tok/s  (21 tokens, 4 chunks)");
    }
}
