package io.github.asynccookbook.chapter10;

import dev.langchain4j.model.chat.ChatModel;
import io.github.asynccookbook.providers.ModelOptions;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.simulator.Fault;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.Simulator;
import io.github.asynccookbook.simulator.SimulatorConfig;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator is seeded: answers, latencies and which requests fail are the same on every run, so a test of
 * failure handling never depends on luck. A different seed gives a different run.
 */
class DeterminismTest {

    static final SimulatorConfig SEEDED = SimulatorExtension.TEST_DEFAULTS.toBuilder()
            .seed(7).faultRate(Fault.INTERNAL, 0.5).build();

    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.withConfig(SEEDED);

    static final List<String> PROMPTS = IntStream.range(0, 10).mapToObj(i -> "Question " + i).toList();

    // tag::seed[]
    /** One outcome per prompt, one after another: the answer, or "failed" when the simulator rolled a fault. */
    static List<String> outcomes(ChatModel model) {
        return PROMPTS.stream().map(p -> {
            try {
                return model.chat(p);
            } catch (RuntimeException e) {
                return "failed";
            }
        }).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void theSameSeedGivesTheSameRun(String name) {
        ChatModel model = ProviderSet.forSimulator(sim.simulator()).get(name)
                .chatModel(ModelOptions.builder().maxRetries(0).build());

        List<String> first = outcomes(model);
        List<Double> firstTtfts = sim.simulator().stats().requests().stream()
                .map(RequestRecord::plannedTtftMillis).toList();
        sim.simulator().reset();   // stats and the per-request counters behind jitter and fault rolls
        List<String> second = outcomes(model);

        assertThat(first).contains("failed").isEqualTo(second);
        assertThat(sim.simulator().stats().requests()).extracting(RequestRecord::plannedTtftMillis)
                .isEqualTo(firstTtfts);
        try (Simulator otherSeed = Simulator.start(SEEDED.toBuilder().seed(8).build())) {
            ChatModel other = ProviderSet.forSimulator(otherSeed).get(name)
                    .chatModel(ModelOptions.builder().maxRetries(0).build());
            assertThat(outcomes(other)).isNotEqualTo(first);
        }
    }
    // end::seed[]
}
