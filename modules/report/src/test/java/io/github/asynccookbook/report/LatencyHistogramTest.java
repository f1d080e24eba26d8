package io.github.asynccookbook.report;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatencyHistogramTest {

    @Test
    void percentilesOfAKnownDistribution() {
        var histogram = new LatencyHistogram();
        for (int millis = 1; millis <= 100; millis++) {
            histogram.record(Duration.ofMillis(millis));
        }

        assertThat(histogram.count()).isEqualTo(100);
        assertThat(histogram.percentile(50).toMillis()).isEqualTo(50);
        assertThat(histogram.percentile(95).toMillis()).isEqualTo(95);
        assertThat(histogram.max().toMillis()).isEqualTo(100);
        assertThat(histogram.mean().toNanos() / 1e6).isCloseTo(50.5, within(0.1));
    }

    @Test
    void emptyHistogramReportsZero() {
        assertThat(new LatencyHistogram().percentile(99)).isEqualTo(Duration.ZERO);
    }
}
