package io.github.asynccookbook.harness;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A result and when the work that produced it started and ended ({@link System#nanoTime()}), so the same run can
 * be timed and matched with the simulator's ground truth ({@code Simulator.millisAt}).
 */
public record Timed<T>(T value, long startNanos, long endNanos) {

    public static <T> Timed<T> run(Supplier<T> work) {
        long start = System.nanoTime();
        T value = work.get();
        return new Timed<>(value, start, System.nanoTime());
    }

    public Duration elapsed() {
        return Duration.ofNanos(endNanos - startNanos);
    }

    /** How many times faster this run was than {@code slower}. */
    public double speedupOver(Timed<?> slower) {
        return (double) slower.elapsed().toNanos() / elapsed().toNanos();
    }
}
