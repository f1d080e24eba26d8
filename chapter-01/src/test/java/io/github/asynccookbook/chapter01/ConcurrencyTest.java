package io.github.asynccookbook.chapter01;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.github.asynccookbook.harness.AllAtOnce;
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

/**
 * The loop, the concurrent run and each way to ainvoke: which threads waited, what the simulator answered, and that
 * the concurrent ways really run all their calls at once (each call waits until all of them are in {@code chat()},
 * so a way that ran fewer at once would fail, whatever the machine's load).
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang fails the test, not the build
class ConcurrencyTest {

    private static final int REQUESTS = 10;
    private static final ChatRequest SHORT = request("[sim:tokens=5] Why do some birds migrate?");
    private static final ChatRequest LONG = request("[sim:tokens=250] Why do some birds migrate?");

    @RegisterExtension
    static SimulatorExtension sim = new SimulatorExtension();

    private static ChatRequest request(String prompt) {
        return ChatRequest.builder().messages(UserMessage.from(prompt)).build();
    }

    private static ProviderModels models(String provider) {
        return ProviderModels.of(ProviderSet.forSimulator(sim.simulator()).get(provider));
    }

    /** The provider's models, each call of which waits until {@link #REQUESTS} calls are in {@code chat()}. */
    private static ProviderModels allAtOnce(ProviderModels models) {
        var together = new AllAtOnce(REQUESTS);
        return new ProviderModels(models.provider(), together.chatModel(models.chat()),
                together.streamingChatModel(models.streaming()), models.waiters());
    }

    private static ModelStats stats(ProviderModels models) {
        return GroundTruth.settled(models.provider()).orElseThrow();
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
    void theConcurrentRunHasAllRequestsUnderWayAtOnce(String provider) {
        var models = allAtOnce(models(provider));

        var answers = _02_LoopVersusConcurrent.concurrently(models.chat(), LONG, REQUESTS);

        assertThat(answers).hasSize(REQUESTS);
        assertThat(stats(models).count(200)).isEqualTo(REQUESTS);
        assertThat(models.waiters().takeCensus().virtual()).isEqualTo(REQUESTS);
    }

    @ParameterizedTest
    @EnumSource(_03_ThreeWaysToAinvoke.Way.class)
    void everyWayToAinvokeHasAllRequestsUnderWayAtOnce(_03_ThreeWaysToAinvoke.Way way) {
        for (String provider : List.of("gemini", "mistral")) {
            var models = allAtOnce(models(provider));

            var answers = way.run(models, LONG, REQUESTS);

            assertThat(answers).as(provider).hasSize(REQUESTS);
            assertThat(stats(models).count(200)).as(provider).isEqualTo(REQUESTS);
        }
    }

    @ParameterizedTest
    @EnumSource(value = _03_ThreeWaysToAinvoke.Way.class, names = {"CHAT_ASYNC", "MONO_FROM_FUTURE"})
    void chatAsyncHoldsNoThreadOfOursButTheLibrarysStreamThreads(_03_ThreeWaysToAinvoke.Way way) {
        var models = allAtOnce(models("mistral"));

        way.run(models, LONG, REQUESTS);

        var census = models.waiters().takeCensus();
        assertThat(census.virtual()).isZero();
        assertThat(census.platformByPool()).containsOnlyKeys("ForkJoinPool.commonPool-worker");
    }

    @Test
    void monoFromCallableHoldsOneBoundedElasticThreadPerCall() {
        var models = allAtOnce(models("gemini"));

        _03_ThreeWaysToAinvoke.Way.MONO_ON_BOUNDED_ELASTIC.run(models, LONG, REQUESTS);

        assertThat(models.waiters().takeCensus())
                .isEqualTo(new WaitingThreads.Census(0, Map.of("boundedElastic", (long) REQUESTS)));
    }

    @Test
    void peakInFlightDuringARunIsTheSimulatorsOwnCount() {
        var models = models("gemini");

        var run = Timed.run(() -> _02_LoopVersusConcurrent.concurrently(models.chat(), LONG, REQUESTS));

        assertThat(GroundTruth.peakInFlightDuring(models.provider(), run))
                .isEqualTo(String.valueOf(stats(models).maxInFlight()));
    }
}
