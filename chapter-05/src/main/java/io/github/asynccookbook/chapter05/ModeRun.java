package io.github.asynccookbook.chapter05;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One mode of one iteration for one provider: its wall time (first request sent to last answer back) and its
 * requests in input order.
 *
 * @param maxConcurrency the most requests the mode allowed in flight
 * @param retryWait      time this run's requests slept before retrying after a 429
 * @param answersSent    complete answers the simulator sent during the run, from its records; empty when live
 */
public record ModeRun(String provider, Mode mode, int iteration, int maxConcurrency, long startNanos,
                      long endNanos, List<RequestResult> requests, Duration retryWait,
                      Optional<Integer> answersSent) {

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

    /**
     * Answers the simulator sent in full but the client did not count as answered (it gave up on them, e.g. a
     * timeout while the stream waited for a thread to read it): 0 when live, where nobody can tell.
     */
    public long answersLost() {
        return answersSent.map(sent -> Math.max(0, sent - (requests.size() - errors()))).orElse(0L);
    }
}
