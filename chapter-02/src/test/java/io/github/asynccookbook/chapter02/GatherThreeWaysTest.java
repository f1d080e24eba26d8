package io.github.asynccookbook.chapter02;

import dev.langchain4j.model.chat.ChatModel;
import io.github.asynccookbook.harness.AllAtOnce;
import io.github.asynccookbook.harness.Questions;
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

    /** The calls go through only once all six are waiting: a gather that ran fewer at once fails. */
    private static ChatModel model() {
        return new AllAtOnce(PROMPTS.size()).chatModel(ProviderSet.forSimulator(sim.simulator()).mistral().chatModel());
    }

    private static long answered() {
        return sim.simulator().stats().model("mistral-small-latest").count(200);
    }

    @Test
    void allOfKeepsInputOrder() {
        List<String> answers = _01_GatherThreeWays.allOf(model(), PROMPTS);

        assertThat(answers).hasSize(6);
        assertThat(Questions.inInputOrder(answers)).isTrue();
        assertThat(answered()).isEqualTo(PROMPTS.size());
    }

    @Test
    void invokeAllKeepsInputOrder() throws Exception {
        List<String> answers = _01_GatherThreeWays.invokeAll(model(), PROMPTS);

        assertThat(answers).hasSize(6);
        assertThat(Questions.inInputOrder(answers)).isTrue();
        assertThat(answered()).isEqualTo(PROMPTS.size());
    }

    @Test
    void flatMapSequentialKeepsInputOrder() {
        List<String> answers = _01_GatherThreeWays.flatMapSequential(model(), PROMPTS);

        assertThat(answers).hasSize(6);
        assertThat(Questions.inInputOrder(answers)).isTrue();
        assertThat(answered()).isEqualTo(PROMPTS.size());
    }

    @Test
    void inInputOrderNoticesSwappedAnswers() {
        List<String> answers = _01_GatherThreeWays.allOf(ProviderSet.forSimulator(sim.simulator()).mistral().chatModel(),
                PROMPTS.subList(0, 2));

        assertThat(Questions.inInputOrder(List.of(answers.get(1), answers.get(0)))).isFalse();
    }
}
