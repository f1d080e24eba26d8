package io.github.asynccookbook.simulator.engine;

import io.github.asynccookbook.simulator.SimulatorConfig;

import java.time.Duration;

/**
 * How long a batch job takes, in model time scaled by the simulator's time scale: a queueing delay, then its items
 * one after another at a steady pace. At time scale 1 a 10,000-item job runs about nine minutes, as a small real
 * job does (the providers promise "within 24 hours" and usually take minutes); at 0.01 it takes seconds.
 */
record BatchTiming(Duration queueing, Duration processingBase, Duration perItem, Duration cancellation) {

    static final BatchTiming DEFAULT = new BatchTiming(Duration.ofSeconds(30), Duration.ofSeconds(20),
            Duration.ofMillis(50), Duration.ofSeconds(2));

    long queueNanos(SimulatorConfig config) {
        return config.scaled(queueing).toNanos();
    }

    long processingNanos(SimulatorConfig config, int items) {
        return config.scaled(processingBase.plus(perItem.multipliedBy(items))).toNanos();
    }

    /** Mistral takes a moment to stop a job (CANCELLATION_REQUESTED); Gemini stops it at once. */
    long cancellationNanos(SimulatorConfig config, boolean gradual) {
        return gradual ? config.scaled(cancellation).toNanos() : 0;
    }

    static long timeoutNanos(SimulatorConfig config, Duration timeout) {
        return config.scaled(timeout).toNanos();
    }
}
