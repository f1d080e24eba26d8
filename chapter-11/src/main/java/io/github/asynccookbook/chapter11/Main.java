package io.github.asynccookbook.chapter11;

import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.simulator.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.concurrent.Callable;

/** The chapter's tour: one key shared by worker JVMs, per-JVM limiters beside one shared bucket. */
@Command(name = "Main", mixinStandardHelpOptions = true,
        description = "Chapter 11 tour: worker JVMs on one simulated free-tier key, per-JVM limiters beside one "
                + "Bucket4j bucket shared through Hazelcast and through Redis, side by side.")
public final class Main implements Callable<Integer> {

    @Mixin
    DemoOptions options;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        ChapterCli.exit(new Main(), args);
    }

    @Override
    public Integer call() {
        options.validate(spec);

        // Part 1 — Batch: the benchmark's prompts and 10,000 more as one batch job per provider.
        _11_Batch.tour(10_000);

        // Part 2 — one rate limit for many JVMs: one set of worker JVMs runs the three rounds, each with a new bucket.
        try (Simulator sim = SharedLimitDemo.freeTier(options.timeScale);
             LocalRedis redis = LocalRedis.forOptions(options.redis).orElse(null);
             WorkerFleet fleet = SharedLimitDemo.startWorkers(sim, options.workers, options.requests,
                     SharedLimitDemo.newCluster(), redis == null ? null : redis.url())) {
            var results = new ArrayList<SharedLimitDemo.Result>();
            results.add(_21_PerJvmLimits.run(sim, fleet, options));
            results.add(_22_SharedBucket.run(sim, fleet, options));
            if (redis != null) {
                results.add(_23_SharedBucketOnRedis.run(sim, fleet, redis, options));
            } else {
                RunReport.heading("2.3", "the same shared bucket in Redis (Lettuce)");
                System.out.println(_23_SharedBucketOnRedis.NO_REDIS);
            }
            RunReport.sideBySide(results);
            System.out.println("\nA worker killed mid-run: mvn -pl chapter-11 exec:java "
                    + "-Dexec.mainClass=io.github.asynccookbook.chapter11._24_WorkerCrash");
        }
        return 0;
    }
}
