package io.github.asynccookbook.chapter04;

import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.report.Durations;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.Simulator;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the simulator saw of a provider's latest request: how many tokens it really sent, whether the client went
 * away. Live providers have no such ground truth, so everything here is optional.
 */
final class GroundTruth {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private GroundTruth() {
    }

    /**
     * The provider's latest request once the simulator has finished with it; a client's cancel reaches the server
     * a moment after {@code dispose()} returns.
     */
    static Optional<RequestRecord> latestFinished(Provider provider) {
        return finishedAfter(provider, 0);
    }

    /** Like {@link #latestFinished}, waiting for a request that came after the first {@code seenBefore} ones. */
    static Optional<RequestRecord> finishedAfter(Provider provider, long seenBefore) {
        return provider.simulator().map(simulator -> awaitFinished(simulator, provider.modelName(), seenBefore));
    }

    /** Prints the TTFT the simulator applied to the provider's latest request (first chunk written − arrival). */
    static void printAppliedTtft(Provider provider) {
        latestFinished(provider).ifPresent(r -> System.out.printf(
                "simulator: TTFT applied %s (server side: no request building, sending or parsing)%n",
                Durations.millis(Duration.ofNanos(Math.round(r.appliedTtftMillis() * 1e6)))));
    }

    /** How many chat requests the simulator has seen for this provider's model (empty when live). */
    static Optional<Long> requestsSeen(Provider provider) {
        return provider.simulator().map(simulator -> simulator.stats().model(provider.modelName()).requests());
    }

    private static RequestRecord awaitFinished(Simulator simulator, String model, long seenBefore) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            List<RequestRecord> requests = simulator.stats().requests(model);
            Optional<RequestRecord> latest = requests.stream().max(Comparator.comparingLong(RequestRecord::id));
            if (requests.size() > seenBefore && latest.orElseThrow().completionMillis() != null) {
                return latest.get();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the simulator has not finished a request for " + model);
            }
            sleep(Duration.ofMillis(10));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the simulator", e);
        }
    }
}
