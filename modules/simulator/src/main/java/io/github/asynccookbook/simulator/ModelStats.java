package io.github.asynccookbook.simulator;

import java.util.List;
import java.util.Map;

/**
 * Per-model ground truth since the last reset. Times are milliseconds since the simulator started.
 *
 * @param requestsByStatus HTTP status → count (0 = the client left before a status was sent)
 * @param inFlight         chat requests being answered right now
 * @param maxInFlight      the most chat requests answered at the same moment
 * @param tokensSent       output tokens written to clients
 * @param clientDisconnects requests whose client went away before the response was complete
 * @param ttftMillis       the TTFT actually applied to each request that sent content
 */
public record ModelStats(String model, Map<Integer, Long> requestsByStatus, int inFlight, int maxInFlight,
                         long tokensSent, long clientDisconnects, List<Double> arrivalMillis,
                         List<Double> completionMillis, List<Double> ttftMillis) {

    public ModelStats {
        requestsByStatus = Map.copyOf(requestsByStatus);
        arrivalMillis = List.copyOf(arrivalMillis);
        completionMillis = List.copyOf(completionMillis);
        ttftMillis = List.copyOf(ttftMillis);
    }

    public static ModelStats empty(String model) {
        return new ModelStats(model, Map.of(), 0, 0, 0, 0, List.of(), List.of(), List.of());
    }

    /** Chat requests that arrived. */
    public long requests() {
        return arrivalMillis.size();
    }

    public long count(int status) {
        return requestsByStatus.getOrDefault(status, 0L);
    }
}
