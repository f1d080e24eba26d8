package io.github.asynccookbook.chapter11;

import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.simulator.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.Optional;
import java.util.concurrent.Callable;

/** The same workers and the same code, the bucket in Redis through Lettuce: the store most services already run. */
@Command(name = "_23_SharedBucketOnRedis", mixinStandardHelpOptions = true,
        description = "The shared bucket of 2.2 kept in Redis (Lettuce): --redis URL, or a redis-server started on a "
                + "free port when one is installed; skipped otherwise.")
public final class _23_SharedBucketOnRedis implements Callable<Integer> {

    static final String NO_REDIS = "skipped: redis-server is not installed (Debian: apt-get install redis-server), "
            + "and no --redis URL was given";

    @Mixin
    DemoOptions options;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        ChapterCli.exit(new _23_SharedBucketOnRedis(), args);
    }

    @Override
    public Integer call() {
        options.validate(spec);
        try (Simulator sim = SharedLimitDemo.freeTier(options.timeScale)) {
            run(sim, options);
        }
        return 0;
    }

    /** The example with worker JVMs of its own, or empty when there is no Redis to use (the reason is printed). */
    static Optional<SharedLimitDemo.Result> run(Simulator sim, DemoOptions options) {
        Optional<LocalRedis> found = LocalRedis.forOptions(options.redis);
        if (found.isEmpty()) {
            RunReport.heading("2.3", "the same shared bucket in Redis (Lettuce)");
            System.out.println(NO_REDIS);
            return Optional.empty();
        }
        try (LocalRedis redis = found.get();
             WorkerFleet fleet = SharedLimitDemo.startWorkers(sim, options.workers, options.requests, null,
                     redis.url())) {
            return Optional.of(run(sim, fleet, redis, options));
        }
    }

    /** A round on {@code fleet}, whose workers must be clients of {@code redis}. */
    static SharedLimitDemo.Result run(Simulator sim, WorkerFleet fleet, LocalRedis redis, DemoOptions options) {
        RunReport.heading("2.3", "the same shared bucket in Redis (Lettuce)");
        System.out.println(redis.started() ? "redis-server started on " + redis.url() : "Redis from --redis");
        var result = SharedLimitDemo.run(sim, fleet, new SharedLimitDemo.Plan(LimitStore.REDIS, options.workers,
                options.requests, 0));
        RunReport.print(result);
        return result;
    }
}
