package io.github.asynccookbook.chapter03;

import dev.langchain4j.model.chat.ChatModel;
import io.github.asynccookbook.harness.Questions;
import io.github.asynccookbook.providers.ModelOptions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.simulator.ModelStats;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrencyLimitTest {

    private static final int LIMIT = 3;
    private static final int QUESTIONS = 15;

    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.withConfig(SimulatorExtension.TEST_DEFAULTS);

    static Stream<Arguments> caps() {
        var caps = Stream.<Arguments>of(
                Arguments.of("Semaphore", (ConcurrencyRun.AskAll) (m, q) -> _02_SemaphoreLimit.askAll(m, q, LIMIT)),
                Arguments.of("flatMap", (ConcurrencyRun.AskAll) (m, q) -> _03_FlatMapConcurrency.askAll(m, q, LIMIT)),
                Arguments.of("Bulkhead", (ConcurrencyRun.AskAll) (m, q) -> _04_BulkheadLimit.askAll(m, q, LIMIT)))
                .toList();
        return Stream.of("gemini", "mistral").flatMap(provider -> caps.stream()
                .map(cap -> Arguments.of(provider, cap.get()[0], cap.get()[1])));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("caps")
    void inFlightNeverExceedsTheCapAndEveryQuestionIsAnsweredOnce(String providerName, String cap,
                                                                   ConcurrencyRun.AskAll askAll) throws Exception {
        Provider provider = ProviderSet.forSimulator(sim.simulator()).get(providerName);
        ChatModel model = provider.chatModel(ModelOptions.builder().maxOutputTokens(_05_HandBuiltRateLimiter.MAX_ANSWER_TOKENS).build());

        List<String> answers = askAll.ask(model, Questions.numbered(QUESTIONS));

        ModelStats stats = sim.simulator().stats().model(provider.modelName());
        assertThat(answers).hasSize(QUESTIONS).allSatisfy(answer -> assertThat(answer).isNotBlank());
        assertThat(stats.requests()).isEqualTo(QUESTIONS);
        assertThat(stats.count(200)).isEqualTo(QUESTIONS);
        assertThat(stats.maxInFlight()).as("most requests the provider answered at once")
                .isLessThanOrEqualTo(LIMIT)
                .isGreaterThan(1);
    }
}
