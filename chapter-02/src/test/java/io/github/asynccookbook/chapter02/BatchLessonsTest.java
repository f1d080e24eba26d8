package io.github.asynccookbook.chapter02;

import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.model.chat.ChatModel;
import io.github.asynccookbook.harness.AllAtOnce;
import io.github.asynccookbook.harness.GroundTruth;
import io.github.asynccookbook.harness.Questions;
import io.github.asynccookbook.providers.ModelOptions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.recipes.Batch;
import io.github.asynccookbook.recipes.Batch.Outcome;
import io.github.asynccookbook.simulator.ModelStats;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The chapter's batch lessons against the simulator's ground truth: limits kept, failures in their slots. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang fails the test, not the build
class BatchLessonsTest {

    private static final int REQUESTS = 8;
    private static final Duration DEADLINE = Duration.ofSeconds(50);

    @RegisterExtension
    static SimulatorExtension sim = new SimulatorExtension();

    private static Provider provider(String name) {
        return ProviderSet.forSimulator(sim.simulator()).get(name);
    }

    private static ChatModel noRetries(Provider provider) {
        return provider.chatModel(ModelOptions.builder().maxRetries(0).build());
    }

    private static ModelStats settled(Provider provider) {
        return GroundTruth.settled(provider).orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void abatchKeepsItsLimitAndPutsTheFailureInItsSlot(String name) {
        Provider provider = provider(name);

        List<Outcome<String>> outcomes = _02_BatchLikeAbatch.abatch(noRetries(provider),
                _02_BatchLikeAbatch.prompts(provider, REQUESTS), 2);

        assertThat(outcomes).extracting(Outcome::index).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(outcomes.get(_02_BatchLikeAbatch.FAILING)).isInstanceOfSatisfying(Outcome.Failure.class,
                failure -> assertThat(failure.error()).isInstanceOf(InternalServerException.class));
        assertThat(outcomes).filteredOn(o -> o instanceof Outcome.Success<String>).hasSize(REQUESTS - 1);
        assertThat(_02_BatchLikeAbatch.describe(outcomes.get(_02_BatchLikeAbatch.FAILING)))
                .isEqualTo("failed: InternalServerException");
        ModelStats stats = settled(provider);
        assertThat(stats.maxInFlight()).isLessThanOrEqualTo(2);
        assertThat(stats.count(500)).isEqualTo(1);
        assertThat(stats.count(200)).isEqualTo(REQUESTS - 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void asCompletedHandsOverEveryOutcomeOnce(String name) {
        Provider provider = provider(name);
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());

        var failures = new ArrayList<Outcome<String>>();

        _03_AsCompleted.asCompleted(new AllAtOnce(REQUESTS).chatModel(provider.chatModel()), Questions.first(REQUESTS),
                outcome -> {
                    seen.add(outcome.index());
                    if (outcome instanceof Outcome.Failure<String>) {
                        failures.add(outcome);
                    }
                });

        assertThat(seen).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(failures).isEmpty(); // no limit: all eight met at the barrier
        assertThat(settled(provider).count(200)).isEqualTo(REQUESTS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void collectAllWaitsForEveryCall(String name) {
        Provider provider = provider(name);
        List<String> prompts = _04_FailFastVersusCollectAll.prompts(provider, 5, 50);

        List<Outcome<String>> outcomes = _04_FailFastVersusCollectAll.collectAll(noRetries(provider)::chat, prompts);

        assertThat(outcomes).hasSize(5);
        assertThat(outcomes.get(_04_FailFastVersusCollectAll.FAILING)).isInstanceOf(Outcome.Failure.class);
        ModelStats stats = settled(provider);
        assertThat(stats.count(200)).isEqualTo(4);
        assertThat(stats.clientDisconnects()).isZero();
        assertThat(stats.tokensSent()).isEqualTo(GroundTruth.plannedTokens(provider));
    }

    @ParameterizedTest
    @EnumSource(_05_Scale.Approach.class)
    void everyApproachFansOutAtOnceUnlessLimited(_05_Scale.Approach approach) {
        Provider provider = provider("mistral");
        List<String> prompts = Questions.first(REQUESTS);

        var together = new AllAtOnce(REQUESTS);
        Batch.Call<String, String> call = approach.call(provider);
        List<Outcome<String>> all = _05_Scale.fanOut(prompt -> {
            together.arrive();
            return call.call(prompt);
        }, prompts, Integer.MAX_VALUE, DEADLINE);
        assertThat(all).hasSize(REQUESTS).allMatch(o -> o instanceof Outcome.Success<String>); // all met at once
        assertThat(settled(provider).count(200)).isEqualTo(REQUESTS);

        GroundTruth.reset(provider);
        List<Outcome<String>> limited = _05_Scale.fanOut(approach.call(provider), prompts, 3, DEADLINE);
        assertThat(limited).hasSize(REQUESTS).allMatch(o -> o instanceof Outcome.Success<String>);
        assertThat(settled(provider).maxInFlight()).isLessThanOrEqualTo(3);
        assertThat(_05_Scale.slowest(all)).isEqualTo(all.stream().map(Outcome::duration).max(Duration::compareTo)
                .orElseThrow());
    }
}
