package io.github.asynccookbook.chapter11;

import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.simulator.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** The same workers and the same code, the bucket in Redis through Lettuce: the store most services already run. */
@Command(name = "_23_SharedBucketOnRedis", mixinStandardHelpOptions = true,
        description = "The shared bucket of 2.2 kept in Redis (Lettuce): --redis URL, or a redis-server started on a "
                + "free port when one is installed; skipped otherwise.")
public final class _23_SharedBucketOnRedis implements Callable<Integer> {

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

    /** The run, or empty when there is no Redis to use (the reason is printed). */
    static Optional<SharedLimitDemo.Result> run(Simulator sim, DemoOptions options) {
        RunReport.heading("2.3", "the same shared bucket in Redis (Lettuce)");
        if (options.redis != null) {
            return Optional.of(runOn(sim, options, options.redis));
        }
        Optional<Path> installed = LocalRedis.installed();
        if (installed.isEmpty()) {
            System.out.println("skipped: redis-server is not installed (Debian: apt-get install redis-server), "
                    + "and no --redis URL was given");
            return Optional.empty();
        }
        try (LocalRedis redis = LocalRedis.start(installed.get())) {
            System.out.println("redis-server started on " + redis.url());
            return Optional.of(runOn(sim, options, redis.url()));
        }
    }

    private static SharedLimitDemo.Result runOn(Simulator sim, DemoOptions options, String url) {
        var result = SharedLimitDemo.run(sim, new SharedLimitDemo.Plan(LimitStore.REDIS, url, options.workers,
                options.requests, 0));
        RunReport.print(result);
        return result;
    }
}
