package io.github.asynccookbook.chapter01;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A result and when the work that produced it started and ended ({@link System#nanoTime()}), so the same run can
 * be timed and matched with the simulator's ground truth ({@code Simulator.millisAt}).
 */
record Timed<T>(T value, long startNanos, long endNanos) {

    static <T> Timed<T> run(Supplier<T> work) {
        long start = System.nanoTime();
        T value = work.get();
        return new Timed<>(value, start, System.nanoTime());
    }

    Duration elapsed() {
        return Duration.ofNanos(endNanos - startNanos);
    }

    /** How many times faster this run was than {@code slower}. */
    double speedupOver(Timed<?> slower) {
        return (double) slower.elapsed().toNanos() / elapsed().toNanos();
    }
}
