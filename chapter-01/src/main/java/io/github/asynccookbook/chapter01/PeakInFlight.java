package io.github.asynccookbook.chapter01;

import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.Simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ground truth for one run: the most requests for a model the simulator was answering at the same moment, counted
 * from its own records of the requests that arrived during the run, so runs need not reset the simulator.
 */
final class PeakInFlight {

    private record Edge(double millis, int delta) {
    }

    private PeakInFlight() {
    }

    static int during(Timed<?> run, Simulator simulator, String model) {
        double from = simulator.millisAt(run.startNanos());
        double to = simulator.millisAt(run.endNanos());
        return of(simulator.stats().requests(model).stream()
                .filter(request -> request.arrivalMillis() >= from && request.arrivalMillis() <= to)
                .toList());
    }

    static int of(List<RequestRecord> requests) {
        var edges = new ArrayList<Edge>();
        for (RequestRecord request : requests) {
            edges.add(new Edge(request.arrivalMillis(), +1));
            if (request.completionMillis() != null) {
                edges.add(new Edge(request.completionMillis(), -1));
            }
        }
        // At equal times the ends go first: a request that starts as another ends never overlaps it.
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
