package io.github.asynccookbook.chapter01;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.github.asynccookbook.harness.GroundTruth;
import io.github.asynccookbook.harness.Timed;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.simulator.ModelStats;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator's ground truth for the loop, the concurrent run and each way to ainvoke. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang fails the test, not the build
class ConcurrencyTest {

    private static final int REQUESTS = 10;
    private static final ChatRequest SHORT = request("[sim:tokens=5] Why do some birds migrate?");
    /** Answers of about 0.5 s to 0.8 s: ten started together overlap however busy the machine is. */
    private static final ChatRequest LONG = request("[sim:tokens=250] Why do some birds migrate?");

    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(c -> c.timeScale(0.25));

    private static ChatRequest request(String prompt) {
        return ChatRequest.builder().messages(UserMessage.from(prompt)).build();
    }

    private static ProviderModels models(String provider) {
        return ProviderModels.of(ProviderSet.forSimulator(sim.simulator()).get(provider));
    }

    private static ModelStats stats(ProviderModels models) {
        return sim.simulator().stats().model(models.provider().modelName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void theLoopNeverHasMoreThanOneRequestInFlight(String provider) {
        var models = models(provider);

        var answers = _02_LoopVersusConcurrent.inALoop(models.chat(), SHORT, REQUESTS);

        assertThat(answers).hasSize(REQUESTS);
        assertThat(stats(models).requests()).isEqualTo(REQUESTS);
        assertThat(stats(models).maxInFlight()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void theConcurrentRunHasAllRequestsInFlightAtOnce(String provider) {
        var models = models(provider);

        var answers = _02_LoopVersusConcurrent.concurrently(models.chat(), LONG, REQUESTS);

        assertThat(answers).hasSize(REQUESTS);
        assertThat(stats(models).maxInFlight()).isEqualTo(REQUESTS);
        assertThat(models.waiters().takeCensus().virtual()).isEqualTo(REQUESTS);
    }

    @ParameterizedTest
    @EnumSource(_03_ThreeWaysToAinvoke.Way.class)
    void everyWayToAinvokeHasAllRequestsInFlightAtOnce(_03_ThreeWaysToAinvoke.Way way) {
        for (String provider : List.of("gemini", "mistral")) {
            var models = models(provider);

            var answers = way.run(models, LONG, REQUESTS);

            assertThat(answers).hasSize(REQUESTS);
            assertThat(stats(models).maxInFlight()).as(provider).isEqualTo(REQUESTS);
        }
    }

    @ParameterizedTest
    @EnumSource(value = _03_ThreeWaysToAinvoke.Way.class, names = {"CHAT_ASYNC", "MONO_FROM_FUTURE"})
    void chatAsyncHoldsNoThreadOfOursButTheLibrarysStreamThreads(_03_ThreeWaysToAinvoke.Way way) {
        var models = models("mistral");

        way.run(models, LONG, REQUESTS);

        var census = models.waiters().takeCensus();
        assertThat(census.virtual()).isZero();
        assertThat(census.platformByPool()).containsOnlyKeys("ForkJoinPool.commonPool-worker");
    }

    @Test
    void monoFromCallableHoldsOneBoundedElasticThreadPerCall() {
        var models = models("gemini");

        _03_ThreeWaysToAinvoke.Way.MONO_ON_BOUNDED_ELASTIC.run(models, LONG, REQUESTS);

        assertThat(models.waiters().takeCensus())
                .isEqualTo(new WaitingThreads.Census(0, Map.of("boundedElastic", (long) REQUESTS)));
    }

    @Test
    void peakInFlightDuringARunMatchesTheSimulatorsOwnCount() {
        var models = models("gemini");

        var run = Timed.run(() -> _02_LoopVersusConcurrent.concurrently(models.chat(), LONG, REQUESTS));

        assertThat(GroundTruth.peakInFlightDuring(models.provider(), run))
                .isEqualTo(String.valueOf(stats(models).maxInFlight()))
                .isEqualTo(String.valueOf(REQUESTS));
    }
}
