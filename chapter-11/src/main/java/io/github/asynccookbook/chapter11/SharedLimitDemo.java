package io.github.asynccookbook.chapter11;

import io.github.asynccookbook.harness.GroundTruth;
import io.github.asynccookbook.simulator.RateLimits;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.Simulator;
import io.github.asynccookbook.simulator.SimulatorConfig;
import io.github.asynccookbook.simulator.Tier;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One run of the demo: a simulator on Gemini's free tier, worker JVMs that share its one key, and what the
 * simulator saw. Every worker's bucket has the key's limit; only where the bucket lives changes between runs.
 */
final class SharedLimitDemo {

    static final String MODEL = "gemini-2.5-flash";
    /** The one key every worker sends: the simulator counts its limit per key, as Gemini counts it per project. */
    static final String API_KEY = "free-tier-key";
    /**
     * The bucket's window is longer than the provider's, by a quarter and at least {@link #MIN_HEADROOM}: a token is
     * taken before the request travels and the provider counts when it arrives, so a burst that leaves late must not
     * share a window with the next one.
     */
    static final double HEADROOM = 1.25;
    /** The gap between token and arrival is real time (a busy JVM, GC, the network): the time scale does not shrink it. */
    static final Duration MIN_HEADROOM = Duration.ofMillis(1500);
    static final Duration PATIENCE = Duration.ofSeconds(120);

    /** One round: where the workers' bucket lives, and when to kill worker 1: after that many answers (0: never). */
    record Plan(LimitStore store, int workers, int requestsPerWorker, int killFirstAfter) {
    }

    /**
     * What the simulator saw (sent, answered, 429s, per-window arrivals) and what the workers reported.
     *
     * @param answeredPerWorker the answers each worker got, in worker order
     */
    record Result(Plan plan, long limit, Duration window, Duration bucketWindow, long sent, long answered, ArrivalWindows windows,
                  List<Integer> answeredPerWorker, List<Boolean> finished, Duration wallTime) {

        long rejected() {
            return windows.totalRejected();
        }
    }

    private SharedLimitDemo() {
    }

    /** The simulator of the demo: Gemini's free tier (10 requests a minute), {@code timeScale} times real time. */
    static Simulator freeTier(double timeScale) {
        return Simulator.start(SimulatorConfig.defaults().toBuilder().tier(Tier.FREE).timeScale(timeScale).build());
    }

    /** The key's request limit, and its window in real time (a minute times the time scale). */
    static RateLimits limits(Simulator sim) {
        return sim.config().models().get(MODEL).limits(sim.config().tier());
    }

    /** The provider's window plus headroom: what the workers' buckets refill after. */
    static Duration bucketWindow(Duration providerWindow) {
        Duration quarter = Duration.ofNanos(Math.round(providerWindow.toNanos() * (HEADROOM - 1)));
        return providerWindow.plus(quarter.compareTo(MIN_HEADROOM) > 0 ? quarter : MIN_HEADROOM);
    }

    /**
     * Worker JVMs on {@code sim}'s key, each with {@code requests} calls a round: members of the Hazelcast cluster
     * {@code hazelcastCluster} and clients of {@code redisUrl} when those are not null.
     */
    static WorkerFleet startWorkers(Simulator sim, int workers, int requests, String hazelcastCluster,
                                    String redisUrl) {
        RateLimits limits = limits(sim);
        Duration bucketWindow = bucketWindow(sim.config().scaled(limits.requestWindow()));
        return WorkerFleet.start(workers, hazelcastCluster != null, n -> {
            var options = new ArrayList<>(List.of("--base-url=" + sim.geminiBaseUrl(), "--key=" + API_KEY,
                    "--model=" + MODEL, "--requests=" + requests, "--limit=" + limits.requests(),
                    "--window-ms=" + bucketWindow.toMillis(), "--members=" + workers, "--id=" + n));
            if (hazelcastCluster != null) {
                options.add("--hazelcast=" + hazelcastCluster);
            }
            if (redisUrl != null) {
                options.add("--redis=" + redisUrl);
            }
            return options;
        }, PATIENCE);
    }

    /** A new Hazelcast cluster name: runs side by side never join each other. */
    static String newCluster() {
        return "ch11-" + UUID.randomUUID();
    }

    /** One round of calls by every worker of {@code fleet}, and what the simulator saw of it. */
    static Result run(Simulator sim, WorkerFleet fleet, Plan plan) {
        sim.reset();   // a fresh window and fresh stats for every round
        RateLimits limits = limits(sim);
        Duration window = sim.config().scaled(limits.requestWindow());
        long start = System.nanoTime();
        fleet.go(plan.store(), "gemini-free-key-" + UUID.randomUUID());
        if (plan.killFirstAfter() > 0) {
            killFirstAfter(fleet, plan.killFirstAfter());
        }
        fleet.awaitDone(PATIENCE);
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        GroundTruth.awaitQuiet(sim);
        List<RequestRecord> seen = sim.stats().requests(MODEL);
        return new Result(plan, limits.requests(), window, bucketWindow(window), seen.size(),
                seen.stream().filter(r -> r.status() == 200).count(), ArrivalWindows.of(seen, window),
                fleet.workers().stream().map(w -> w.round.ok.get()).toList(),
                fleet.workers().stream().map(w -> w.round.finished).toList(), wall);
    }

    private static void killFirstAfter(WorkerFleet fleet, int answers) {
        WorkerFleet.Worker first = fleet.workers().getFirst();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (first.round.ok.get() < answers && first.process.isAlive()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("worker 1 got no " + answers + " answers to be killed after");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        fleet.kill(first);
    }
}
