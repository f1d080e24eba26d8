package io.github.asynccookbook.chapter10;

import io.github.asynccookbook.simulator.Simulator;

/**
 * One simulator container for every container test of the run (Testcontainers' singleton-container pattern): starting
 * one takes seconds, a test class only needs its ground truth reset. Testcontainers' shutdown hook removes it.
 */
final class SharedSimulatorContainer {

    private static SimulatorContainer container;
    private static Simulator remote;

    private SharedSimulatorContainer() {
    }

    /** The running container; skips (or fails under REQUIRE_DOCKER=true) when Docker or the image is missing. */
    static synchronized SimulatorContainer container() {
        DockerRequired.check(System.getProperty("tc.simulator.image", SimulatorContainer.DEFAULT_IMAGE));
        if (container == null) {
            SimulatorContainer started = new SimulatorContainer().withTimeScale(0.05);
            started.start();
            container = started;
            remote = Simulator.connect(started.baseUrl());
        }
        return container;
    }

    /** The container's simulator, its ground truth read over {@code /_sim/stats}. */
    static synchronized Simulator simulator() {
        container();
        return remote;
    }
}
