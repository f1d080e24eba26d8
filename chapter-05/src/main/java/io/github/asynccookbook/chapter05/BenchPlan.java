package io.github.asynccookbook.chapter05;

import java.time.Duration;
import java.util.List;

/**
 * What a benchmark run does for each provider: {@code warmUps} requests first, then {@code iterations} times each
 * mode in order over the workload.
 *
 * @param maxConcurrency the permits of {@link Mode#LIMITED}
 * @param timeout        the deadline of one attempt; a request that takes longer fails as {@code timeout}
 */
public record BenchPlan(Workload workload, List<Mode> modes, int iterations, int warmUps, int maxConcurrency,
                        Duration timeout) {

    public static final int DEFAULT_MAX_CONCURRENCY = 2;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    public BenchPlan {
        modes = List.copyOf(modes);
        if (modes.isEmpty() || iterations < 1 || warmUps < 0 || maxConcurrency < 1
                || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("invalid plan: " + modes + ", " + iterations + " iterations, "
                    + warmUps + " warm-ups, max concurrency " + maxConcurrency + ", timeout " + timeout);
        }
    }

    /** The source benchmark plus the upgrades: its five topics, every mode, one iteration after one warm-up. */
    public static BenchPlan defaults() {
        return new BenchPlan(Workload.source(), List.of(Mode.values()), 1, 1, DEFAULT_MAX_CONCURRENCY,
                DEFAULT_TIMEOUT);
    }

    /** Requests each provider gets, warm-ups included: the total a progress bar counts to (retries aside). */
    public long requestsPerProvider() {
        return warmUps + (long) iterations * modes.size() * workload.requests();
    }
}
