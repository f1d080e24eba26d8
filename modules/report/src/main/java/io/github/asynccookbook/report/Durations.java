package io.github.asynccookbook.report;

import java.time.Duration;
import java.util.Locale;

/** How the chapters print times: seconds with three decimals ("7.412s") or whole milliseconds ("648 ms"). */
public final class Durations {

    private Durations() {
    }

    public static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3fs", duration.toNanos() / 1e9);
    }

    public static String seconds(long nanos) {
        return seconds(Duration.ofNanos(nanos));
    }

    public static String millis(Duration duration) {
        return String.format(Locale.ROOT, "%d ms", Math.round(duration.toNanos() / 1e6));
    }

    /** A ratio such as a speedup: "4.62x". */
    public static String times(double ratio) {
        return String.format(Locale.ROOT, "%.2fx", ratio);
    }
}
