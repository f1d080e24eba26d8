package io.github.asynccookbook.simulator.engine;

import java.util.ArrayDeque;

/** A log of (time, amount) entries younger than the window; not thread-safe (the caller locks). */
final class SlidingWindow {

    private final long windowNanos;
    private final ArrayDeque<long[]> entries = new ArrayDeque<>();
    private long total;

    SlidingWindow(long windowNanos) {
        this.windowNanos = Math.max(1, windowNanos);
    }

    void add(long nowNanos, long amount) {
        entries.addLast(new long[]{nowNanos, amount});
        total += amount;
    }

    long used(long nowNanos) {
        expire(nowNanos);
        return total;
    }

    /**
     * How long until {@code cost} more fits under {@code limit}: 0 if it fits now. A cost larger than the limit
     * itself waits for the whole window to empty.
     */
    long waitFor(long cost, long limit, long nowNanos) {
        expire(nowNanos);
        long excess = total + Math.min(cost, limit) - limit;
        if (excess <= 0) {
            return 0;
        }
        long freed = 0;
        for (long[] entry : entries) {
            freed += entry[1];
            if (freed >= excess) {
                return entry[0] + windowNanos - nowNanos;
            }
        }
        return windowNanos;
    }

    private void expire(long nowNanos) {
        while (!entries.isEmpty() && entries.peekFirst()[0] + windowNanos <= nowNanos) {
            total -= entries.pollFirst()[1];
        }
    }
}
