package io.github.asynccookbook.recipes;

import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.ChatModel;
import io.github.asynccookbook.harness.Questions;
import io.github.asynccookbook.providers.ModelOptions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.simulator.ModelStats;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.Simulator;
import io.github.asynccookbook.simulator.Tier;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against the free tier at time scale 0.02: Gemini allows 10 requests per 1.2 s, Mistral 1 per 20 ms. */
class RetryOnRateLimitTest {

    private static final int SHORT_ANSWER = 30;

    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(c -> c.tier(Tier.FREE));

    /** When a client had a 429 in hand, on the simulator's clock, and the delay that 429 asked for. */
    private record Refusal(double receivedMillis, Duration hint) {
    }

    @Test
    void aRetriedRequestNeverArrivesBeforeTheHintedDelay() throws Exception {
        Simulator simulator = sim.simulator();
        Provider gemini = ProviderSet.forSimulator(simulator).gemini();
        ChatModel model = noRetries(gemini);
        fillTheWindow(model, 10);
        var retry = RetryOnRateLimit.builder().build();
        var refusals = new ArrayList<Refusal>();

        for (String question : Questions.numbered(3)) { // one at a time, so each 429's retry is the next arrival
            retry.call(() -> {
                try {
                    return model.chat(question);
                } catch (RateLimitException refused) {
                    refusals.add(new Refusal(simulator.millisAt(System.nanoTime()), RetryOnRateLimit.retryHint(refused).orElseThrow()));
                    throw refused;
                }
            });
        }

        List<RequestRecord> arrivals = simulator.stats().requests(gemini.modelName());
        List<Integer> refusedAt = new ArrayList<>();
        for (int i = 0; i < arrivals.size(); i++) {
            if (arrivals.get(i).status() == 429) {
                refusedAt.add(i);
            }
        }
        assertThat(refusedAt).hasSameSizeAs(refusals).isNotEmpty();
        for (int k = 0; k < refusedAt.size(); k++) {
            RequestRecord rejected = arrivals.get(refusedAt.get(k));
            RequestRecord retried = arrivals.get(refusedAt.get(k) + 1);
            Refusal refusal = refusals.get(k);
            double hintMillis = refusal.hint().toNanos() / 1e6;
            assertThat(retried.arrivalMillis()).as("retry %d arrives after the hinted %s", k + 1, refusal.hint())
                    .isGreaterThanOrEqualTo(refusal.receivedMillis() + hintMillis)
                    .isGreaterThanOrEqualTo(rejected.arrivalMillis() + hintMillis);
        }
        assertThat(retry.retries()).isEqualTo(refusals.size());
        assertThat(retry.giveUps()).isZero();
    }

    @Test
    void everyQuestionOfABurstIsAnsweredExactlyOnce() throws Exception {
        Simulator simulator = sim.simulator();
        Provider gemini = ProviderSet.forSimulator(simulator).gemini();
        ChatModel model = noRetries(gemini);
        var retry = RetryOnRateLimit.builder().build();
        List<String> questions = Questions.numbered(14);

        List<Callable<String>> calls = questions.stream()
                .<Callable<String>>map(question -> () -> retry.call(() -> model.chat(question))).toList();
        List<String> answers;
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            answers = executor.invokeAll(calls).stream().map(Future::resultNow).toList();
        }

        ModelStats stats = simulator.stats().model(gemini.modelName());
        assertThat(answers).hasSize(questions.size()).allSatisfy(answer -> assertThat(answer).isNotBlank());
        assertThat(stats.count(200)).as("no question lost, none answered twice").isEqualTo(questions.size());
        assertThat(stats.count(429)).as("the tier refused the ones over 10").isGreaterThanOrEqualTo(4)
                .isEqualTo(retry.retries());
        assertThat(retry.giveUps()).isZero();
    }

    @Test
    void withoutAHintItBacksOffExponentiallyThenGivesUp() {
        Simulator simulator = sim.simulator();
        Provider mistral = ProviderSet.forSimulator(simulator).mistral();
        ChatModel model = noRetries(mistral);
        var retry = RetryOnRateLimit.builder().maxAttempts(3).waitWithoutHint(Duration.ofMillis(10)).build();

        assertThatThrownBy(() -> retry.call(() -> model.chat("Always refused [sim:fault=429]")))
                .isInstanceOf(RateLimitException.class);

        List<RequestRecord> attempts = simulator.stats().requests(mistral.modelName());
        assertThat(attempts).hasSize(3).allSatisfy(attempt -> assertThat(attempt.status()).isEqualTo(429));
        assertThat(attempts.get(1).arrivalMillis() - attempts.get(0).arrivalMillis()).isGreaterThanOrEqualTo(10);
        assertThat(attempts.get(2).arrivalMillis() - attempts.get(1).arrivalMillis()).isGreaterThanOrEqualTo(20);
        assertThat(retry.retries()).isEqualTo(2);
        assertThat(retry.giveUps()).isEqualTo(1);
        assertThat(retry.waited()).isGreaterThanOrEqualTo(Duration.ofMillis(30));
    }

    @Test
    void aHintBeyondTheWaitBudgetIsNotWaitedFor() throws Exception {
        Simulator simulator = sim.simulator();
        Provider gemini = ProviderSet.forSimulator(simulator).gemini();
        ChatModel model = noRetries(gemini);
        fillTheWindow(model, 10);
        var retry = RetryOnRateLimit.builder().maxTotalWait(Duration.ofMillis(1)).build();

        assertThatThrownBy(() -> retry.call(() -> model.chat("One too many")))
                .isInstanceOf(RateLimitException.class);

        assertThat(simulator.stats().model(gemini.modelName()).requests()).isEqualTo(11);
        assertThat(retry.retries()).isZero();
        assertThat(retry.giveUps()).isEqualTo(1);
        assertThat(retry.waited()).isZero();
    }

    @Test
    void otherErrorsAreNotRetried() {
        var retry = RetryOnRateLimit.builder().build();

        assertThatThrownBy(() -> retry.call(() -> {
            throw new IllegalStateException("not a 429");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(retry.retries()).isZero();
        assertThat(retry.giveUps()).isZero();
    }

    @Test
    void aRefusalWrappedByAFutureIsRetriedToo() {
        var retry = RetryOnRateLimit.builder().maxAttempts(2).waitWithoutHint(Duration.ofMillis(1)).build();

        assertThatThrownBy(() -> retry.call(() -> {
            throw new CompletionException(new RateLimitException("refused"));
        })).isInstanceOf(CompletionException.class).hasCauseInstanceOf(RateLimitException.class);

        assertThat(retry.retries()).isEqualTo(1);
        assertThat(retry.giveUps()).isEqualTo(1);
    }

    @Test
    void theDelayIsTheHintOrTheBackoffWithJitterOnTop() {
        var retry = RetryOnRateLimit.builder().waitWithoutHint(Duration.ofMillis(100))
                .maxBackoff(Duration.ofMillis(350)).jitter(0.1).build();
        Duration hint = Duration.ofMillis(1_234);

        assertThat(retry.delayBefore(1, Optional.of(hint))).isBetween(hint, hint.plusMillis(124));
        assertThat(retry.delayBefore(3, Optional.of(hint))).isBetween(hint, hint.plusMillis(124));
        assertThat(retry.delayBefore(1, Optional.empty())).isBetween(Duration.ofMillis(100), Duration.ofMillis(110));
        assertThat(retry.delayBefore(2, Optional.empty())).isBetween(Duration.ofMillis(200), Duration.ofMillis(220));
        assertThat(retry.delayBefore(3, Optional.empty())).isBetween(Duration.ofMillis(350), Duration.ofMillis(385));
    }

    private static ChatModel noRetries(Provider provider) {
        return provider.chatModel(ModelOptions.builder()
                .maxOutputTokens(SHORT_ANSWER).maxRetries(0).build());
    }

    private static void fillTheWindow(ChatModel model, int requests) throws InterruptedException {
        List<Callable<String>> calls = Questions.numbered(requests).stream()
                .<Callable<String>>map(question -> () -> model.chat(question)).toList();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            assertThat(executor.invokeAll(calls)).allSatisfy(call -> assertThat(call.resultNow()).isNotBlank());
        }
    }
}
