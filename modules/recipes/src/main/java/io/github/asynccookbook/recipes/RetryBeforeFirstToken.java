package io.github.asynccookbook.recipes;

import io.github.resilience4j.retry.Retry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Retries a streamed answer with a Resilience4j {@link Retry}, but only until its first chunk has reached the
 * subscriber: after that, a new attempt would send text the reader already has again, or splice a different answer
 * onto it, so a later failure is passed on as it is. LangChain4j's streaming models never retry (langchain4j#681).
 * <p>
 * The {@code Retry}'s config decides which errors are retried ({@code retryOnException}), how often and how long to
 * wait ({@code intervalBiFunction}: honour a 429's hint, back off with jitter otherwise). Each subscription gets a
 * fresh retry context; the waits run on Reactor's timer, no thread sleeps.
 *
 * <pre>{@code
 * Flux<String> answer = RetryBeforeFirstToken.retry(() -> StreamingFlux.stream(model, request), retry);
 * }</pre>
 *
 * One file: LangChain4j, Reactor and resilience4j-retry (the async context needs no resilience4j-reactor).
 */
public final class RetryBeforeFirstToken {

    private RetryBeforeFirstToken() {
    }

    // tag::retry[]
    public static <T> Flux<T> retry(Supplier<? extends Flux<T>> attempt, Retry retry) {
        return Flux.defer(() -> attempt(attempt, retry.asyncContext()));
    }

    private static <T> Flux<T> attempt(Supplier<? extends Flux<T>> attempt, Retry.AsyncContext<T> context) {
        var delivered = new AtomicBoolean();
        return Flux.defer(attempt)
                .doOnNext(chunk -> delivered.set(true))
                .doOnComplete(context::onComplete)
                .onErrorResume(error -> {
                    if (delivered.get()) {
                        return Flux.error(error);   // the reader has text: never start the answer again
                    }
                    long waitMillis = context.onError(error);   // -1: not retriable, or no attempts left
                    return waitMillis < 0 ? Flux.error(error)
                            : Mono.delay(Duration.ofMillis(waitMillis)).thenMany(attempt(attempt, context));
                });
    }
    // end::retry[]
}
