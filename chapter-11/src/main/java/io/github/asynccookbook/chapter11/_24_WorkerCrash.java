package io.github.asynccookbook.chapter11;

import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.simulator.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** A worker killed mid-run (kill -9): the others go on after Hazelcast's failure detector, nothing counted twice. */
@Command(name = "_24_WorkerCrash", mixinStandardHelpOptions = true,
        description = "The shared Hazelcast bucket of 2.2 with worker 1 killed (destroyForcibly) after its first "
                + "answers: the others finish, the simulator sees no 429 and the limit kept.")
public final class _24_WorkerCrash implements Callable<Integer> {

    @Mixin
    DemoOptions options;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        ChapterCli.exit(new _24_WorkerCrash(), args);
    }

    @Override
    public Integer call() {
        options.validate(spec);
        try (Simulator sim = SharedLimitDemo.freeTier(options.timeScale)) {
            run(sim, options);
        }
        return 0;
    }

    /** Worker 1 dies after a quarter of its calls are answered (at least one). */
    static SharedLimitDemo.Result run(Simulator sim, DemoOptions options) {
        int killAfter = Math.max(1, options.requests / 4);
        RunReport.heading("2.4", "worker 1 killed after " + killAfter + " answers, the bucket in Hazelcast");
        SharedLimitDemo.Result result;
        try (WorkerFleet fleet = SharedLimitDemo.startWorkers(sim, options.workers, options.requests,
                SharedLimitDemo.newCluster(), null)) {
            result = SharedLimitDemo.run(sim, fleet, new SharedLimitDemo.Plan(LimitStore.HAZELCAST, options.workers,
                    options.requests, killAfter));
        }
        RunReport.print(result);
        String survivors = IntStream.range(1, result.finished().size())
                .mapToObj(i -> "worker %d %s".formatted(i + 1, result.finished().get(i) ? "finished" : "did not finish"))
                .collect(Collectors.joining(", "));
        System.out.printf("worker 1 killed after %d answers; %s%n", result.answeredPerWorker().getFirst(), survivors);
        return result;
    }
}
