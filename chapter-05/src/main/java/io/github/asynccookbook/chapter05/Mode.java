package io.github.asynccookbook.chapter05;

import java.util.Locale;

/**
 * How one batch of requests is sent: the source benchmark's two ways (a loop of awaits, {@code asyncio.gather}),
 * plus a semaphore-limited gather and concurrent streaming, the upgrades that show where concurrency stops paying.
 */
public enum Mode {
    /** {@code for topic in topics: await chain.ainvoke(...)}: one request in flight at a time. */
    SEQUENTIAL,
    /** {@code await asyncio.gather(*tasks)}: every request in flight at once. */
    CONCURRENT,
    /** gather under {@code asyncio.Semaphore(k)}: at most k requests in flight. */
    LIMITED,
    /** Every request at once as a stream, timing the first token of each. */
    STREAMING;

    /** The lower-case name used on the command line, in tables and in CSV files. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The most requests this mode keeps in flight, out of {@code requests}, when the limited mode allows {@code limit}. */
    public int maxConcurrency(int requests, int limit) {
        return switch (this) {
            case SEQUENTIAL -> 1;
            case CONCURRENT, STREAMING -> Math.max(1, requests);
            case LIMITED -> Math.max(1, Math.min(limit, requests));
        };
    }

    public boolean streams() {
        return this == STREAMING;
    }
}
