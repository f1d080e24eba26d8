package io.github.asynccookbook.recipes;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A client-side rate limiter written by hand, because writing it is the lesson: it logs when each request (and its
 * tokens) left and makes the next caller wait until the oldest entry has left the window, which is how providers
 * count "requests per minute". Resilience4j's {@code RateLimiter} is the production choice (see
 * chapter 03's {@code _06_Resilience4jRateLimiter}).
 *
 * <p>Callers get their turn in arrival order: a fair lock is held while the head of the queue waits, so a burst of
 * virtual threads leaves in the order it came and nobody starves. Thread-safe; call it from virtual threads.
 */
public final class SlidingWindowRateLimiter {

    /** At most {@code amount} (requests, or tokens) in any {@code window}. */
    public record Limit(long amount, Duration window) {
        public Limit {
            if (amount < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("a limit needs an amount >= 1 and a positive window, got "
                        + amount + " per " + window);
            }
        }
    }

    private final Window requestLog;
    private final Window tokenLog;
    private final ReentrantLock turn = new ReentrantLock(true);
    private final LongAdder waitedNanos = new LongAdder();

    /** Limits requests only, like Python's {@code InMemoryRateLimiter}. */
    public SlidingWindowRateLimiter(Limit requests) {
        this(requests, null);
    }

    /** Limits requests and tokens (null = tokens unlimited); each has its own window. */
    public SlidingWindowRateLimiter(Limit requests, Limit tokens) {
        this.requestLog = new Window(requests);
        this.tokenLog = tokens == null ? null : new Window(tokens);
    }

    /** {@link #acquire(long)} for a request whose tokens are not counted. */
    public Duration acquire() throws InterruptedException {
        return acquire(0);
    }

    /**
     * Blocks until one more request costing {@code tokens} fits every window, counts it, and says how long the
     * caller waited (for its turn and for the window).
     */
    // tag::acquire[]
    public Duration acquire(long tokens) throws InterruptedException {
        long start = System.nanoTime();
        turn.lockInterruptibly();
        try {
            long now = System.nanoTime();
            for (long wait = waitFor(tokens, now); wait > 0; wait = waitFor(tokens, now)) {
                TimeUnit.NANOSECONDS.sleep(wait);
                now = System.nanoTime();
            }
            requestLog.add(now, 1);
            if (tokenLog != null) {
                tokenLog.add(now, tokens);
            }
        } finally {
            turn.unlock();
        }
        long waited = System.nanoTime() - start;
        waitedNanos.add(waited);
        return Duration.ofNanos(waited);
    }

    private long waitFor(long tokens, long now) {
        long forRequests = requestLog.waitFor(1, now);
        return tokenLog == null ? forRequests : Math.max(forRequests, tokenLog.waitFor(tokens, now));
    }
    // end::acquire[]

    /** Total time callers spent waiting in {@link #acquire}. */
    public Duration waited() {
        return Duration.ofNanos(waitedNanos.sum());
    }

    /** A log of (time, amount) entries younger than the window; the caller holds the lock. */
    private static final class Window {
        private final long limit;
        private final long windowNanos;
        private final ArrayDeque<long[]> entries = new ArrayDeque<>();
        private long total;

        Window(Limit limit) {
            this.limit = limit.amount();
            this.windowNanos = limit.window().toNanos();
        }

        void add(long now, long amount) {
            entries.addLast(new long[]{now, amount});
            total += amount;
        }

        // tag::window[]
        /** Nanoseconds until {@code cost} more fits; a cost above the limit waits for an empty window. */
        long waitFor(long cost, long now) {
            while (!entries.isEmpty() && entries.peekFirst()[0] + windowNanos <= now) {
                total -= entries.pollFirst()[1];
            }
            long excess = total + Math.min(cost, limit) - limit;
            if (excess <= 0) {
                return 0;
            }
            for (long[] entry : entries) {
                excess -= entry[1];
                if (excess <= 0) {
                    return entry[0] + windowNanos - now;
                }
            }
            return windowNanos;
        }
        // end::window[]
    }
}
