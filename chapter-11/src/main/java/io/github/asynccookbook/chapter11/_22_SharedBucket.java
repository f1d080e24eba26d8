package io.github.asynccookbook.chapter11;

import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.recipes.SharedRateLimit;
import io.github.asynccookbook.simulator.Simulator;
import io.github.bucket4j.Bucket;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.concurrent.Callable;

/** The same workers take from one bucket kept in an embedded Hazelcast cluster: no 429, the key's rate at most. */
@Command(name = "_22_SharedBucket", mixinStandardHelpOptions = true,
        description = "Worker JVMs on one simulated free-tier key, one Bucket4j bucket for all in embedded Hazelcast "
                + "members that find each other on loopback: no 429, the limit kept in every window.")
public final class _22_SharedBucket implements Callable<Integer> {

    // tag::calls[]
    /** Every worker runs this, whatever bucket it got: its own, or one that all workers share. */
    static Flux<String> callsUnderLimit(Bucket bucket, ChatModel model, List<ChatRequest> requests) {
        SharedRateLimit limit = new SharedRateLimit(bucket);   // a token first, then the call
        return Flux.fromIterable(requests)
                .flatMap(request -> limit.chat(model, request)
                        .map(answer -> "ok")
                        .onErrorResume(RateLimitException.class, refused -> Mono.just("429")));
    }
    // end::calls[]

    @Mixin
    DemoOptions options;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        ChapterCli.exit(new _22_SharedBucket(), args);
    }

    @Override
    public Integer call() {
        options.validate(spec);
        try (Simulator sim = SharedLimitDemo.freeTier(options.timeScale)) {
            run(sim, options);
        }
        return 0;
    }

    /** The example with worker JVMs of its own, members of a new Hazelcast cluster. */
    static SharedLimitDemo.Result run(Simulator sim, DemoOptions options) {
        try (WorkerFleet fleet = SharedLimitDemo.startWorkers(sim, options.workers, options.requests,
                SharedLimitDemo.newCluster(), null)) {
            return run(sim, fleet, options);
        }
    }

    /** A round on {@code fleet}, whose workers must be members of one Hazelcast cluster. */
    static SharedLimitDemo.Result run(Simulator sim, WorkerFleet fleet, DemoOptions options) {
        RunReport.heading("2.2", "one shared bucket in embedded Hazelcast (members join on 127.0.0.1, no multicast)");
        var result = SharedLimitDemo.run(sim, fleet, new SharedLimitDemo.Plan(LimitStore.HAZELCAST, options.workers,
                options.requests, 0));
        RunReport.print(result);
        return result;
    }
}
