package io.github.asynccookbook.chapter05;

import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.Simulator;
import io.github.asynccookbook.simulator.SimulatorStats;

import java.util.List;

/** What the simulator saw of one mode run: the requests that arrived while it ran, their span and peak overlap. */
record GroundTruth(List<RequestRecord> requests) {

    static GroundTruth of(Simulator simulator, String model, ModeRun run) {
        double from = simulator.millisAt(run.startNanos());
        double to = simulator.millisAt(run.endNanos());
        return new GroundTruth(simulator.stats().requests(model).stream()
                .filter(r -> r.arrivalMillis() >= from && r.arrivalMillis() <= to)
                .toList());
    }

    /** First arrival to last completion, in milliseconds. */
    double spanMillis() {
        double first = requests.stream().mapToDouble(RequestRecord::arrivalMillis).min().orElseThrow();
        double last = requests.stream().mapToDouble(RequestRecord::completionMillis).max().orElseThrow();
        return last - first;
    }

    /** The most requests the simulator was answering at once. */
    int peakInFlight() {
        return SimulatorStats.peakInFlight(requests);
    }
}
