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
}
