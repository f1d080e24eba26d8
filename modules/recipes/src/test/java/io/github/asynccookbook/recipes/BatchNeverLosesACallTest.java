package io.github.asynccookbook.recipes;

import dev.langchain4j.model.chat.ChatModel;
import io.github.asynccookbook.harness.GroundTruth;
import io.github.asynccookbook.providers.ModelOptions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.recipes.Batch.Outcome;
import io.github.asynccookbook.simulator.ModelStats;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch larger than its default concurrency, with failures mixed in: every input ends as exactly one outcome, and
 * the outcomes' counts are the simulator's counts. A call that stalls ends as a timeout instead of holding the batch.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BatchNeverLosesACallTest {

    private static final int CALLS = 600;

    /** A stall of 600 s of model time (12 s here) outlasts any call timeout below by far. */
    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(c -> c.stallDuration(Duration.ofSeconds(600)));

    private static Provider mistral() {
        return ProviderSet.forSimulator(sim.simulator()).mistral();
    }

    /** Every 7th call fails with 500, every 11th (not 7th) with 429: failures the simulator counts by status. */
    private static String prompt(int i) {
        String fault = i % 7 == 3 ? "[sim:fault=500] " : i % 11 == 5 ? "[sim:fault=429] " : "";
        return fault + "[sim:tokens=5] Question " + i;
    }

    @Test
    void everyCallEndsOnceAsAnAnswerOrATypedErrorAndTheCountsAreTheSimulators() {
        Provider provider = mistral();
        ChatModel model = provider.chatModel(ModelOptions.builder().maxRetries(0).build());
        List<String> prompts = IntStream.range(0, CALLS).mapToObj(BatchNeverLosesACallTest::prompt).toList();

        List<Outcome<String>> outcomes = Batch.of(prompts).returnExceptions(true).run(model::chat);

        assertThat(outcomes).extracting(Outcome::index).containsExactlyElementsOf(IntStream.range(0, CALLS).boxed()
                .toList());
        ModelStats stats = GroundTruth.settled(provider).orElseThrow();
        assertThat(stats.requests()).isEqualTo(CALLS);
        assertThat(stats.maxInFlight()).isLessThanOrEqualTo(Batch.DEFAULT_MAX_CONCURRENCY);
        assertThat(Batch.count(outcomes)).isEqualTo(Map.of(
                "ok", (int) stats.count(200),
                "InternalServerException", (int) stats.count(500),
                "RateLimitException", (int) stats.count(429)));
        assertThat(stats.count(500)).isEqualTo(IntStream.range(0, CALLS).filter(i -> i % 7 == 3).count());
    }

    @Test
    void aStalledCallEndsAsATimeoutAndItsConnectionIsClosed() {
        Provider provider = mistral();
        ChatModel model = provider.chatModel(ModelOptions.builder().maxRetries(0).build());

        List<Outcome<String>> outcomes = Batch.of(List.of("[sim:fault=stall-headers] Hello"))
                .returnExceptions(true)
                .callTimeout(Duration.ofSeconds(3)) // the simulator stalls for 12 s
                .run(model::chat);

        assertThat(outcomes.getFirst()).isInstanceOfSatisfying(Outcome.Failure.class,
                failure -> assertThat(failure.error()).isInstanceOf(TimeoutException.class));
        assertThat(Batch.count(outcomes)).isEqualTo(Map.of("TimeoutException", 1));
        ModelStats stats = GroundTruth.settled(provider).orElseThrow();
        assertThat(stats.requests()).isEqualTo(1);
        assertThat(stats.clientDisconnects()).isEqualTo(1); // the interrupt closed the stalled call's connection
    }
}
