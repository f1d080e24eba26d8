package io.github.asynccookbook.chapter01;

import io.github.asynccookbook.simulator.Simulator;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * Starts a test from a quiet simulator. A client can be done with an answer a moment before the simulator has
 * recorded it as complete, and {@code Simulator.reset()} keeps requests still in flight: without this, the last
 * request of one test could show up in the next test's ground truth.
 */
final class QuietSimulator {

    private QuietSimulator() {
    }

    static void awaitQuietThenReset(Simulator simulator) {
        await().atMost(Duration.ofSeconds(10)).until(() -> simulator.stats().inFlight() == 0);
        simulator.reset();
    }
}
