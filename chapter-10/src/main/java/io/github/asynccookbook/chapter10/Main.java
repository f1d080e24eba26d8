package io.github.asynccookbook.chapter10;

import dev.langchain4j.model.chat.ChatModel;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.simulator.Simulator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Chapter 10's lesson lives in its tests; this runs the one thing they all rely on: a batch of calls on both
 * providers against the simulator, then the ground truth the simulator recorded (requests seen, in-flight peak).
 */
public final class Main {

    private Main() {
    }

    // tag::bounded-batch[]
    /** Answers every prompt with at most {@code limit} calls in flight, results in input order. */
    public static List<String> boundedBatch(ChatModel model, List<String> prompts, int limit) {
        return Flux.fromIterable(prompts)
                .flatMapSequential(p -> Mono.fromCallable(() -> model.chat(p))
                        .subscribeOn(Schedulers.boundedElastic()), limit)
                .collectList()
                .block();
    }
    // end::bounded-batch[]

    // tag::idle-fallback[]
    /**
     * The primary stream, cut when its first chunk takes longer than {@code firstChunk} or a later one longer than
     * {@code idle} (LangChain4j's own timeout ends at the response headers), then the fallback from the start.
     */
    public static Flux<String> withIdleFallback(Flux<String> primary, Duration firstChunk, Duration idle,
                                                Flux<String> fallback) {
        return primary.timeout(Mono.delay(firstChunk), chunk -> Mono.delay(idle))   // cancels the primary's stream
                .onErrorResume(TimeoutException.class, stalled -> fallback);
    }
    // end::idle-fallback[]

    public static void main(String[] args) {
        try (Simulator simulator = Simulator.start(); ProviderSet set = ProviderSet.forSimulator(simulator)) {
            List<String> prompts = List.of("one", "two", "three", "four", "five", "six");
            for (Provider provider : set.select("both")) {
                List<String> answers = boundedBatch(provider.chatModel(), prompts, 2);
                System.out.printf("%-8s %d answers in input order%n", provider.name(), answers.size());
            }
            var stats = simulator.stats();
            System.out.printf("simulator saw %d requests, peak in flight %d (limit 2 per provider)%n",
                    stats.requests().size(), stats.maxInFlight());
        }
    }
}
