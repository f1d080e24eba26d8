package io.github.asynccookbook.simulator;

import java.util.List;
import java.util.Map;

/**
 * A snapshot of the simulator's ground truth: per model, and every chat request in arrival order.
 *
 * @param nowMillis   when the snapshot was taken, in milliseconds since the simulator started
 * @param inFlight    chat requests being answered right now, all models together
 * @param maxInFlight the most chat requests answered at the same moment, all models together
 */
public record SimulatorStats(double nowMillis, int inFlight, int maxInFlight, Map<String, ModelStats> models,
                             List<RequestRecord> requests) {

    public SimulatorStats {
        models = Map.copyOf(models);
        requests = List.copyOf(requests);
    }

    /** Stats of one model, empty when it saw no request. */
    public ModelStats model(String id) {
        return models.getOrDefault(id, ModelStats.empty(id));
    }

    public List<RequestRecord> requests(String model) {
        return requests.stream().filter(r -> r.model().equals(model)).toList();
    }

    /**
     * The most of {@code requests} that were being answered at the same moment: a sweep over arrivals and
     * completions. A request that has not completed stays in flight; a request that arrives as another completes does
     * not overlap it. Use it on a subset (one run, one model) where {@link ModelStats#maxInFlight()} counts everything.
     */
    public static int peakInFlight(List<RequestRecord> requests) {
        double[] arrivals = requests.stream().mapToDouble(RequestRecord::arrivalMillis).sorted().toArray();
        double[] completions = requests.stream().map(RequestRecord::completionMillis)
                .filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).sorted().toArray();
        int peak = 0;
        int ended = 0;
        for (int started = 0; started < arrivals.length; started++) {
            while (ended < completions.length && completions[ended] <= arrivals[started]) {
                ended++;
            }
            peak = Math.max(peak, started + 1 - ended);
        }
        return peak;
    }
}
