package io.github.asynccookbook.harness;

import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.simulator.ModelStats;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.Simulator;
import io.github.asynccookbook.simulator.SimulatorStats;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the simulator saw of one provider's model, for the examples' "really?" columns: calls in flight at once,
 * clients that went away, tokens really sent, the TTFT it applied. Empty for a live provider: a real API does not
 * tell.
 */
public final class GroundTruth {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(10);

    private GroundTruth() {
    }

    /** Forgets what the simulator saw so far, so the next {@link #of} covers one run only. */
    public static void reset(Provider provider) {
        provider.simulator().ifPresent(Simulator::resetStats);
    }

    public static Optional<ModelStats> of(Provider provider) {
        return provider.simulator().map(simulator -> simulator.summary().model(provider.modelName()));
    }

    /**
     * The stats once no request is in flight any more: a cancelled call's connection closes a moment after the
     * cancellation, and only then does the simulator count the disconnect.
     */
    public static Optional<ModelStats> settled(Provider provider) {
        return provider.simulator().map(simulator -> {
            awaitQuiet(simulator);
            return simulator.summary().model(provider.modelName());
        });
    }

    /** Waits until the simulator is answering no request (at most {@link #PATIENCE}). */
    public static void awaitQuiet(Simulator simulator) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (simulator.summary().inFlight() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the simulator still has requests in flight after " + PATIENCE);
            }
            sleep(POLL);
        }
    }

    /** Output tokens the simulator meant to send, over all requests it saw: what a finished run would cost. */
    public static long plannedTokens(Provider provider) {
        return provider.simulator()
                .map(simulator -> simulator.stats().requests(provider.modelName()).stream()
                        .mapToLong(RequestRecord::plannedTokens).sum())
                .orElse(0L);
    }

    /** The most calls the simulator answered at the same moment, or "-" when live. */
    public static String maxInFlight(Provider provider) {
        return of(provider).map(stats -> String.valueOf(stats.maxInFlight())).orElse("-");
    }

    /** How many chat requests the simulator has seen for this provider's model (empty when live). */
    public static Optional<Long> requestsSeen(Provider provider) {
        return of(provider).map(ModelStats::requests);
    }

    /** The requests of this provider's model that arrived while a run ({@link System#nanoTime()} bounds) ran. */
    public static Optional<List<RequestRecord>> requestsDuring(Provider provider, long startNanos, long endNanos) {
        return provider.simulator().map(simulator -> {
            double from = simulator.millisAt(startNanos);
            double to = simulator.millisAt(endNanos);
            return simulator.stats().requests(provider.modelName()).stream()
                    .filter(request -> request.arrivalMillis() >= from && request.arrivalMillis() <= to)
                    .toList();
        });
    }

    /**
     * The most requests the simulator was answering at once during a run, counted from its own records of the
     * requests that arrived in it, so runs need not reset the simulator; "-" when live.
     */
    public static String peakInFlightDuring(Provider provider, Timed<?> run) {
        return requestsDuring(provider, run.startNanos(), run.endNanos())
                .map(requests -> String.valueOf(SimulatorStats.peakInFlight(requests)))
                .orElse("-");
    }

    /**
     * The provider's latest request once the simulator has finished with it; a client's cancel reaches the server
     * a moment after {@code dispose()} returns.
     */
    public static Optional<RequestRecord> latestFinished(Provider provider) {
        return finishedAfter(provider, 0);
    }

    /** Like {@link #latestFinished}, waiting for a request that came after the first {@code seenBefore} ones. */
    public static Optional<RequestRecord> finishedAfter(Provider provider, long seenBefore) {
        return provider.simulator().map(simulator -> awaitFinished(simulator, provider.modelName(), seenBefore));
    }

    /** The TTFT the simulator applied to the provider's latest request: first chunk written − arrival. */
    public static Optional<Duration> appliedTtftOfLatest(Provider provider) {
        return latestFinished(provider).map(r -> Duration.ofNanos(Math.round(r.appliedTtftMillis() * 1e6)));
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
            sleep(POLL);
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
