package io.github.asynccookbook.chapter01;

import io.github.asynccookbook.simulator.Simulator;
import io.github.asynccookbook.simulator.SimulatorStats;

/**
 * Ground truth for one run: the most requests for a model the simulator was answering at the same moment, counted
 * from its own records of the requests that arrived during the run, so runs need not reset the simulator.
 */
final class PeakInFlight {

    private PeakInFlight() {
    }

    static int during(Timed<?> run, Simulator simulator, String model) {
        double from = simulator.millisAt(run.startNanos());
        double to = simulator.millisAt(run.endNanos());
        return SimulatorStats.peakInFlight(simulator.stats().requests(model).stream()
                .filter(request -> request.arrivalMillis() >= from && request.arrivalMillis() <= to)
                .toList());
    }
}
