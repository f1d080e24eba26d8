package io.github.asynccookbook.report;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.time.Duration;

/**
 * Latencies recorded into an HdrHistogram (microsecond resolution, 3 significant digits): percentiles stay exact
 * enough however many values you record, and recording is safe from many threads at once.
 */
public final class LatencyHistogram {

    private final Histogram histogram = new ConcurrentHistogram(3);

    public void record(Duration latency) {
        histogram.recordValue(Math.max(0, latency.toNanos() / 1_000));
    }

    public void recordNanos(long nanos) {
        histogram.recordValue(Math.max(0, nanos / 1_000));
    }

    public long count() {
        return histogram.getTotalCount();
    }

    /** The value at {@code percentile} (0-100), or zero when nothing was recorded. */
    public Duration percentile(double percentile) {
        return count() == 0 ? Duration.ZERO : Duration.ofNanos(histogram.getValueAtPercentile(percentile) * 1_000);
    }

    public Duration mean() {
        return count() == 0 ? Duration.ZERO : Duration.ofNanos(Math.round(histogram.getMean() * 1_000));
    }

    public Duration max() {
        return count() == 0 ? Duration.ZERO : Duration.ofNanos(histogram.getMaxValue() * 1_000);
    }
}
