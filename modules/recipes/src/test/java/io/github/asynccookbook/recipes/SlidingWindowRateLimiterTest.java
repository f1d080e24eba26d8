package io.github.asynccookbook.recipes;

import io.github.asynccookbook.recipes.SlidingWindowRateLimiter.Limit;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The limiter's own clock is not visible, so these tests bound it from outside: a clock read before the first
 * acquire and after the last one brackets every grant, which makes the lower bounds exact on any machine.
 */
class SlidingWindowRateLimiterTest {

    private static final Duration WINDOW = Duration.ofMillis(100);

    @Test
    void tenCallersAtThreePerWindowNeedThreeFullWindows() throws Exception {
        var limiter = new SlidingWindowRateLimiter(new Limit(3, WINDOW));
        List<Callable<Duration>> callers = IntStream.range(0, 10)
                .<Callable<Duration>>mapToObj(i -> limiter::acquire).toList();

        long before = System.nanoTime();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            executor.invokeAll(callers);
        }
        long elapsed = System.nanoTime() - before;

        assertThat(Duration.ofNanos(elapsed)).as("grants 1-3, 4-6, 7-9 and 10 each need a new window")
                .isGreaterThanOrEqualTo(WINDOW.multipliedBy(3));
        assertThat(limiter.waited()).isGreaterThanOrEqualTo(WINDOW.multipliedBy(3));
    }

    @Test
    void tokensWaitForTheirOwnWindow() throws Exception {
        var limiter = new SlidingWindowRateLimiter(new Limit(100, WINDOW), new Limit(100, WINDOW));

        long before = System.nanoTime();
        limiter.acquire(60);
        Duration second = limiter.acquire(60);
        long elapsed = System.nanoTime() - before;

        assertThat(Duration.ofNanos(elapsed)).as("the second 60 tokens wait until the first 60 leave the window")
                .isGreaterThanOrEqualTo(WINDOW);
        assertThat(second).isPositive();
    }

    @Test
    void aCostAboveTheLimitWaitsForAnEmptyWindowInsteadOfForever() throws Exception {
        var limiter = new SlidingWindowRateLimiter(new Limit(100, WINDOW), new Limit(100, WINDOW));

        limiter.acquire(50);
        Duration waited = limiter.acquire(1_000);

        assertThat(waited).isPositive().isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void requestsOnlyLimiterIgnoresTokens() throws Exception {
        var limiter = new SlidingWindowRateLimiter(new Limit(2, Duration.ofMinutes(1)));

        limiter.acquire(1_000_000);
        limiter.acquire(1_000_000);

        assertThat(limiter.waited()).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void limitsMustAllowSomething() {
        assertThatThrownBy(() -> new Limit(0, WINDOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Limit(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
