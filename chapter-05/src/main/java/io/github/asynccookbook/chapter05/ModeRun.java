package io.github.asynccookbook.chapter05;

import java.time.Duration;
import java.util.List;

/**
 * One mode of one iteration for one provider: its wall time (first request sent to last answer back) and its
 * requests in input order.
 *
 * @param maxConcurrency the most requests the mode allowed in flight
 * @param retryWait      time this run's requests slept before retrying after a 429
 */
public record ModeRun(String provider, Mode mode, int iteration, int maxConcurrency, long startNanos,
                      long endNanos, List<RequestResult> requests, Duration retryWait) {

    public ModeRun {
        requests = List.copyOf(requests);
    }

    public Duration wall() {
        return Duration.ofNanos(endNanos - startNanos);
    }

    public long outputTokens() {
        return requests.stream().mapToLong(RequestResult::outputTokens).sum();
    }

    public long rateLimited() {
        return requests.stream().mapToLong(RequestResult::rateLimited).sum();
    }

    public long retries() {
        return requests.stream().mapToLong(RequestResult::retries).sum();
    }

    public long errors() {
        return requests.stream().filter(r -> !r.ok()).count();
    }
}
