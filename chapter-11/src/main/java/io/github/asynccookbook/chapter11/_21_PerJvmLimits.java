package io.github.asynccookbook.chapter11;

import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.simulator.Simulator;
import io.github.bucket4j.Bucket;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Each instance limits itself to the key's full limit: together they send a multiple of it, and get 429s. */
@Command(name = "_21_PerJvmLimits", mixinStandardHelpOptions = true,
        description = "Worker JVMs on one simulated free-tier key, each with its own bucket at the full limit: "
                + "the simulator counts the 429s.")
public final class _21_PerJvmLimits implements Callable<Integer> {

    // tag::own-limit[]
    /** This JVM's own bucket: the key's whole limit, which every other instance believes it has too. */
    static Bucket ownLimit(long requests, Duration window) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(requests).refillIntervally(requests, window))
                .build();
    }
    // end::own-limit[]

    @Mixin
    DemoOptions options;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        ChapterCli.exit(new _21_PerJvmLimits(), args);
    }

    @Override
    public Integer call() {
        options.validate(spec);
        try (Simulator sim = SharedLimitDemo.freeTier(options.timeScale)) {
            run(sim, options);
        }
        return 0;
    }

    /** The example with worker JVMs of its own. */
    static SharedLimitDemo.Result run(Simulator sim, DemoOptions options) {
        try (WorkerFleet fleet = SharedLimitDemo.startWorkers(sim, options.workers, options.requests, null, null)) {
            return run(sim, fleet, options);
        }
    }

    static SharedLimitDemo.Result run(Simulator sim, WorkerFleet fleet, DemoOptions options) {
        RunReport.heading("2.1", "per-JVM limiters: every worker its own bucket at the key's full limit");
        var result = SharedLimitDemo.run(sim, fleet, new SharedLimitDemo.Plan(LimitStore.OWN, options.workers,
                options.requests, 0));
        RunReport.print(result);
        return result;
    }
}
