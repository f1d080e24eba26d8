package io.github.asynccookbook.chapter03;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.github.asynccookbook.harness.Questions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.recipes.RetryOnRateLimit;
import io.github.asynccookbook.simulator.ModelStats;
import io.github.asynccookbook.simulator.Tier;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import io.github.resilience4j.ratelimiter.RateLimiter;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongUnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both limiters against the free tier, with the chapter's retry behind them. What a client-side limiter controls is
 * when requests leave, not when they arrive: a request delayed on its way (a busy machine delays some by hundreds of
 * milliseconds) can still land in a full window, and the retry absorbs that. So the test checks, exactly:
 * <ul>
 * <li>the pacing: the i-th request left no earlier than the limiter allows (a departure is recorded after the
 * limiter let it go, so waiting for a core only makes it later);</li>
 * <li>the simulator's ground truth: every question answered once, and every request it saw is a question or one of
 * the retries the retry counted, each refused request retried.</li>
 * </ul>
 */
class RateLimiterTest {

    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(c -> c.tier(Tier.FREE));

    @ParameterizedTest(name = "{0}, {1} questions")
    @CsvSource({"gemini, 14", "mistral, 5"})
    void theHandBuiltLimiterLetsNoRequestLeaveBeforeTheWindowHasRoom(String providerName, int questions)
            throws Exception {
        PublishedLimits limits = limits(providerName);
        Duration window = limits.requestWindow().plus(limits.margin());
        // the first `requests` leave at once, then `requests` more per window
        assertPacedAndAnswered(providerName, questions, i -> (i / limits.requests()) * window.toNanos(),
                (model, all, retry) -> _05_HandBuiltRateLimiter.askAll(model, all, limits.slidingWindow(), retry));
    }

    @ParameterizedTest(name = "{0}, {1} questions")
    @CsvSource({"gemini, 14", "mistral, 5"})
    void resilience4jLetsOneRequestLeavePerCycle(String providerName, int questions) throws Exception {
        PublishedLimits limits = limits(providerName);
        long cycle = limits.requestWindow().plus(limits.margin()).dividedBy(limits.requests()).toNanos();
        assertPacedAndAnswered(providerName, questions, i -> i * cycle,
                (model, all, retry) -> _06_Resilience4jRateLimiter.askAll(model, all,
                        RateLimiter.of("test", limits.resilience4j()), retry));
    }

    @FunctionalInterface
    interface Limited {
        List<String> ask(ChatModel model, List<String> questions, RetryOnRateLimit retry) throws Exception;
    }

    /**
     * Runs the questions through {@code limited} and checks that the i-th request (retries included) left at least
     * {@code earliest(i)} nanoseconds after the run began, and what the simulator saw.
     */
    private static void assertPacedAndAnswered(String providerName, int questions, LongUnaryOperator earliest,
                                               Limited limited) throws Exception {
        var departures = new ConcurrentLinkedQueue<Long>();
        var retry = RetryOnRateLimit.builder().maxAttempts(20).maxTotalWait(Duration.ofMinutes(5))
                .waitWithoutHint(limits(providerName).requestWindow()).build();
        long[] start = new long[1];

        LimitedRun run = LimitedRun.measure(sim.simulator(), provider(providerName), "test",
                Questions.numbered(questions), (model, all, limits) -> {
                    start[0] = System.nanoTime(); // before the limiter exists: its clock starts later
                    return limited.ask(recordingDepartures(model, departures), all, retry);
                });

        List<Long> sorted = departures.stream().map(departure -> departure - start[0]).sorted().toList();
        for (int i = 0; i < sorted.size(); i++) {
            assertThat(sorted.get(i)).as("request %d of %s left after %d ns", i, sorted, earliest.applyAsLong(i))
                    .isGreaterThanOrEqualTo(earliest.applyAsLong(i));
        }
        ModelStats stats = sim.simulator().stats().model(provider(providerName).modelName());
        assertThat(run.answers()).isEqualTo(questions);
        assertThat(stats.count(200)).isEqualTo(questions);
        assertThat(stats.requests()).isEqualTo(questions + retry.retries()).isEqualTo(sorted.size());
        assertThat(stats.count(429)).as("every refused request was retried").isEqualTo(retry.retries());
        assertThat(retry.giveUps()).isZero();
    }

    /** The model, noting {@link System#nanoTime()} as each request leaves: after the limiter let it go. */
    private static ChatModel recordingDepartures(ChatModel model, ConcurrentLinkedQueue<Long> departures) {
        return new ChatModel() {
            @Override
            public ChatResponse chat(ChatRequest request) {
                departures.add(System.nanoTime());
                return model.chat(request);
            }
        };
    }

    private static PublishedLimits limits(String providerName) {
        return PublishedLimits.of(sim.simulator(), provider(providerName).modelName());
    }

    private static Provider provider(String name) {
        return ProviderSet.forSimulator(sim.simulator()).get(name);
    }
}
