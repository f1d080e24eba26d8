package io.github.asynccookbook.chapter03;

import io.github.asynccookbook.harness.Questions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.recipes.RetryOnRateLimit;
import io.github.asynccookbook.simulator.ModelStats;
import io.github.asynccookbook.simulator.Simulator;
import io.github.asynccookbook.simulator.Tier;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import io.github.resilience4j.ratelimiter.RateLimiter;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both limiters against the free tier, with no retry behind them: any 429 would fail the run. At time scale 0.02
 * Gemini allows 10 requests per 1.2 s and Mistral 1 per 20 ms; a machine this busy delays some requests by tens of
 * milliseconds on their way, so the test gives the limiters a wider margin than the default.
 */
class RateLimiterTest {

    private static final Duration BUSY_MACHINE_MARGIN = Duration.ofMillis(250);

    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(c -> c.tier(Tier.FREE));

    private static final RetryOnRateLimit NO_RETRY = RetryOnRateLimit.builder().maxAttempts(1).build();

    @ParameterizedTest(name = "{0}, {1} questions")
    @CsvSource({"gemini, 14", "mistral, 5"})
    void theHandBuiltLimiterStaysUnderTheLimit(String providerName, int questions) throws Exception {
        LimitedRun run = LimitedRun.measure(sim.simulator(), provider(providerName), "sliding window",
                Questions.numbered(questions), (model, all, limits) -> _05_HandBuiltRateLimiter.askAll(
                        model, all, limits.withMargin(BUSY_MACHINE_MARGIN).slidingWindow(), NO_RETRY));

        assertStayedUnderTheLimit(run, providerName, questions);
    }

    @ParameterizedTest(name = "{0}, {1} questions")
    @CsvSource({"gemini, 14", "mistral, 5"})
    void resilience4jStaysUnderTheLimit(String providerName, int questions) throws Exception {
        LimitedRun run = LimitedRun.measure(sim.simulator(), provider(providerName), "Resilience4j",
                Questions.numbered(questions), (model, all, limits) -> _06_Resilience4jRateLimiter.askAll(
                        model, all, RateLimiter.of("test", limits.withMargin(BUSY_MACHINE_MARGIN).resilience4j()),
                        NO_RETRY));

        assertStayedUnderTheLimit(run, providerName, questions);
    }

    private static Provider provider(String name) {
        return ProviderSet.forSimulator(sim.simulator()).get(name);
    }

    private static void assertStayedUnderTheLimit(LimitedRun run, String providerName, int questions) {
        Simulator simulator = sim.simulator();
        String model = provider(providerName).modelName();
        PublishedLimits limits = PublishedLimits.of(simulator, model);
        ModelStats stats = simulator.stats().model(model);

        assertThat(run.answers()).isEqualTo(questions);
        assertThat(stats.count(429)).isZero();
        assertThat(stats.count(200)).isEqualTo(questions);
        assertThat(stats.requests()).isEqualTo(questions);
        assertThat(mostArrivalsInOneWindow(stats.arrivalMillis(), limits.requestWindow()))
                .isLessThanOrEqualTo(limits.requests());
    }

    /** For every arrival, how many arrivals (itself included) fall within one window from it; the most of those. */
    private static long mostArrivalsInOneWindow(List<Double> arrivals, Duration window) {
        double windowMillis = window.toNanos() / 1e6;
        return arrivals.stream()
                .mapToLong(start -> arrivals.stream().filter(a -> a >= start && a < start + windowMillis).count())
                .max().orElse(0);
    }
}
