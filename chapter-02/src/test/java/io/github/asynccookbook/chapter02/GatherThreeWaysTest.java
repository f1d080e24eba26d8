package io.github.asynccookbook.chapter02;

import dev.langchain4j.model.chat.ChatModel;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class GatherThreeWaysTest {

    @RegisterExtension
    static SimulatorExtension sim = new SimulatorExtension();

    /** Longest answer first, so the calls tend to finish in reverse order. */
    private static final List<String> PROMPTS = IntStream.range(0, 6)
            .mapToObj(i -> Questions.about(i) + " [sim:tokens=" + (900 - 150 * i) + "]")
            .toList();

    private static ChatModel model() {
        return ProviderSet.forSimulator(sim.simulator()).mistral().chatModel();
    }

    private static int maxInFlight() {
        return sim.simulator().stats().model("mistral-small-latest").maxInFlight();
    }

    @Test
    void allOfKeepsInputOrder() {
        List<String> answers = _01_GatherThreeWays.allOf(model(), PROMPTS);

        assertThat(answers).hasSize(6);
        assertThat(Questions.inInputOrder(answers)).isTrue();
        assertThat(maxInFlight()).isGreaterThan(1);
    }

    @Test
    void invokeAllKeepsInputOrder() throws Exception {
        List<String> answers = _01_GatherThreeWays.invokeAll(model(), PROMPTS);

        assertThat(answers).hasSize(6);
        assertThat(Questions.inInputOrder(answers)).isTrue();
        assertThat(maxInFlight()).isGreaterThan(1);
    }

    @Test
    void flatMapSequentialKeepsInputOrder() {
        List<String> answers = _01_GatherThreeWays.flatMapSequential(model(), PROMPTS);

        assertThat(answers).hasSize(6);
        assertThat(Questions.inInputOrder(answers)).isTrue();
        assertThat(maxInFlight()).isGreaterThan(1);
    }

    @Test
    void inInputOrderNoticesSwappedAnswers() {
        List<String> answers = _01_GatherThreeWays.allOf(model(), PROMPTS.subList(0, 2));

        assertThat(Questions.inInputOrder(List.of(answers.get(1), answers.get(0)))).isFalse();
    }
}
