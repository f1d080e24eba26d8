package io.github.asynccookbook.recipes;

import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RetryBeforeFirstTokenTest {

    private static Retry retry(int maxAttempts) {
        return Retry.of("test", RetryConfig.custom().maxAttempts(maxAttempts).waitDuration(Duration.ofMillis(10))
                .retryOnException(error -> error instanceof IOException).build());
    }

    @Test
    void anAttemptThatFailsBeforeItsFirstChunkIsRetried() {
        var attempts = new AtomicInteger();
        Flux<String> answer = RetryBeforeFirstToken.retry(() -> attempts.incrementAndGet() < 3
                ? Flux.error(new IOException("refused")) : Flux.just("a", "b"), retry(3));

        StepVerifier.create(answer).expectNext("a", "b").verifyComplete();
        assertThat(attempts).hasValue(3);
    }

    @Test
    void aFailureAfterTheFirstChunkIsPassedOnNotRetried() {
        var attempts = new AtomicInteger();
        Flux<String> answer = RetryBeforeFirstToken.retry(() -> {
            attempts.incrementAndGet();
            return Flux.just("a").concatWith(Flux.error(new IOException("dropped")));
        }, retry(3));

        StepVerifier.create(answer).expectNext("a").verifyErrorMessage("dropped");
        assertThat(attempts).hasValue(1);
    }

    @Test
    void theRetrysPredicateAndAttemptsBoundIt() {
        var attempts = new AtomicInteger();
        StepVerifier.create(RetryBeforeFirstToken.retry(() -> {
            attempts.incrementAndGet();
            return Flux.<String>error(new IllegalStateException("bug"));
        }, retry(3))).verifyErrorMessage("bug");
        assertThat(attempts).as("not retriable").hasValue(1);

        attempts.set(0);
        StepVerifier.create(RetryBeforeFirstToken.retry(() -> {
            attempts.incrementAndGet();
            return Flux.<String>error(new IOException("down"));
        }, retry(3))).verifyErrorMessage("down");
        assertThat(attempts).as("max attempts").hasValue(3);
    }

    @Test
    void eachSubscriptionStartsWithAFreshBudget() {
        var attempts = new AtomicInteger();
        Flux<String> answer = RetryBeforeFirstToken.retry(() -> attempts.incrementAndGet() % 2 == 1
                ? Flux.error(new IOException("once")) : Flux.just("ok"), retry(2));

        StepVerifier.create(answer).expectNext("ok").verifyComplete();
        StepVerifier.create(answer).expectNext("ok").verifyComplete();
        assertThat(attempts).hasValue(4);
    }
}
