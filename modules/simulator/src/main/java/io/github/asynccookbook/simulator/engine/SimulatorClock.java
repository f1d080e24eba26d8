package io.github.asynccookbook.simulator.engine;

/** The simulator's time line: milliseconds since it started, from {@link System#nanoTime()}. */
public final class SimulatorClock {

    private final long originNanos = System.nanoTime();

    /** The {@link System#nanoTime()} reading this clock counts from. */
    public long originNanos() {
        return originNanos;
    }

    public long nanos() {
        return System.nanoTime();
    }

    public double millisAt(long nanoTime) {
        return (nanoTime - originNanos) / 1_000_000.0;
    }

    public double nowMillis() {
        return millisAt(System.nanoTime());
    }
}
