package io.github.asynccookbook.chapter02;

import java.time.Duration;

/**
 * What one call of a {@link Batch} produced: its value or its exception, never both, tagged with the input's
 * index so results can be zipped back to their inputs even when they arrive in completion order. The Python
 * equivalent is one slot of {@code abatch(..., return_exceptions=True)}: the output or the {@code Exception}.
 *
 * @param <T> the call's result type
 */
public sealed interface Outcome<T> {

    /** Position of the input this outcome belongs to. */
    int index();

    /** {@link System#nanoTime()} when the call started, after waiting for a free slot. */
    long startNanos();

    /** {@link System#nanoTime()} when the call returned or threw. */
    long endNanos();

    default Duration duration() {
        return Duration.ofNanos(endNanos() - startNanos());
    }

    /** The call returned {@code value}. */
    record Success<T>(int index, T value, long startNanos, long endNanos) implements Outcome<T> {
    }

    /** The call threw {@code error}. */
    record Failure<T>(int index, Exception error, long startNanos, long endNanos) implements Outcome<T> {
    }
}
