package io.github.asynccookbook.chapter05;

import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.Simulator;

import java.util.ArrayList;
import java.util.Comparator;
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

    /** The most requests the simulator was answering at once; at equal times an end goes before a start. */
    int peakInFlight() {
        record Edge(double millis, int delta) {
        }
        var edges = new ArrayList<Edge>();
        requests.forEach(r -> {
            edges.add(new Edge(r.arrivalMillis(), +1));
            edges.add(new Edge(r.completionMillis(), -1));
        });
        edges.sort(Comparator.comparingDouble(Edge::millis).thenComparingInt(Edge::delta));
        int inFlight = 0;
        int peak = 0;
        for (Edge edge : edges) {
            inFlight += edge.delta();
            peak = Math.max(peak, inFlight);
        }
        return peak;
    }
}
