package io.github.asynccookbook.chapter02;

import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.simulator.ModelStats;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.Simulator;

import java.time.Duration;
import java.util.Optional;

/**
 * What the simulator saw of one provider's model, for the examples' "really?" columns (calls in flight at once,
 * clients that went away). Empty for a live provider: a real API does not tell.
 */
final class GroundTruth {

    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(30);

    private GroundTruth() {
    }

    /** Forgets what the simulator saw so far, so the next {@link #of} covers one run only. */
    static void reset(Provider provider) {
        provider.simulator().ifPresent(Simulator::resetStats);
    }

    static Optional<ModelStats> of(Provider provider) {
        return provider.simulator().map(simulator -> simulator.stats().model(provider.modelName()));
    }

    /**
     * The stats once no request is in flight any more: a cancelled call's connection closes a moment after the
     * cancellation, and only then does the simulator count the disconnect.
     */
    static Optional<ModelStats> settled(Provider provider) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
        Optional<ModelStats> stats = of(provider);
        while (stats.isPresent() && stats.get().inFlight() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            stats = of(provider);
        }
        return stats;
    }

    /** Output tokens the simulator meant to send, over all requests it saw: what a finished run would cost. */
    static long plannedTokens(Provider provider) {
        return provider.simulator()
                .map(simulator -> simulator.stats().requests(provider.modelName()).stream()
                        .mapToLong(RequestRecord::plannedTokens).sum())
                .orElse(0L);
    }

    /** The most calls the simulator answered at the same moment, or "-" when live. */
    static String maxInFlight(Provider provider) {
        return of(provider).map(stats -> String.valueOf(stats.maxInFlight())).orElse("-");
    }
}
