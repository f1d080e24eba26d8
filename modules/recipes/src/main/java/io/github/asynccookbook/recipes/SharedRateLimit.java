package io.github.asynccookbook.recipes;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;

/**
 * One key's rate limit kept by a Bucket4j {@link Bucket}, so that calls wait for a token before they leave.
 * Pass a {@code BucketProxy} from a distributed store (Hazelcast, Redis via Lettuce, ...) and every JVM sharing
 * that bucket shares the one limit the provider counts per key, not per process; the store is wired by the caller.
 *
 * <p>Waiting never blocks a thread: a refused probe says how long until the next token, and the call retries
 * after that delay. Touching the bucket may be network I/O, so it runs on {@link Schedulers#boundedElastic()}.
 */
public final class SharedRateLimit {

    private final Bucket bucket;

    /** Each call takes one token from {@code bucket}. */
    public SharedRateLimit(Bucket bucket) {
        this.bucket = bucket;
    }

    /** Completes once one token has been taken from the bucket, however many JVMs compete for it. */
    // tag::permit[]
    public Mono<Void> permit() {
        return Mono.defer(() -> {
                    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
                    return probe.isConsumed()
                            ? Mono.<Void>empty()
                            : Mono.delay(Duration.ofNanos(probe.getNanosToWaitForRefill())).then(permit());
                })
                .subscribeOn(Schedulers.boundedElastic());
    }
    // end::permit[]

    /** Sends {@code request} to {@code model} once a token is granted; the blocking call runs on boundedElastic. */
    public Mono<ChatResponse> chat(ChatModel model, ChatRequest request) {
        return permit().then(Mono.fromCallable(() -> model.chat(request)).subscribeOn(Schedulers.boundedElastic()));
    }
}
