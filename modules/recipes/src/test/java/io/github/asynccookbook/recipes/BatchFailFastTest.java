package io.github.asynccookbook.recipes;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.github.asynccookbook.providers.ModelOptions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.recipes.Batch.BatchFailedException;
import io.github.asynccookbook.simulator.ModelStats;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A fail-fast batch cancels the calls still running, blocking and streaming. The failing call waits until every other
 * call is in flight, and the others ask for answers that take a minute at this time scale, so the failure always
 * finds them running: the assertions count what the simulator recorded, never who won a race.
 */
class BatchFailFastTest {

    /** A tenth of real time: a first token within ~70 ms, a 100,000-token answer in a minute or more. */
    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(c -> c.timeScale(0.1));

    private static final ModelOptions NO_RETRIES = ModelOptions.builder().maxRetries(0).build();

    private static Provider provider(String name) {
        return ProviderSet.forSimulator(sim.simulator()).get(name);
    }

    private static ModelStats stats(Provider provider) {
        return sim.simulator().stats().model(provider.modelName());
    }

    private static ChatRequest ask(String text) {
        return ChatRequest.builder().messages(UserMessage.from(text)).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void failFastCancelsTheCallsStillRunning(String name) {
        Provider provider = provider(name);
        ChatModel model = provider.chatModel(NO_RETRIES);

        assertThatThrownBy(() -> Batch.of(PROMPTS).run(failingOnceTheOthersStream(provider, model::chat)))
                .isInstanceOfSatisfying(BatchFailedException.class,
                        e -> assertThat(e.failure().index()).as(e.getMessage()).isEqualTo(FAILING))
                .hasCauseInstanceOf(InternalServerException.class);

        ModelStats stats = settled(provider);
        assertThat(stats.count(500)).isEqualTo(1);
        assertThat(stats.count(200)).isZero();
        assertThat(stats.requests()).isEqualTo(PROMPTS.size());
        assertThat(stats.clientDisconnects()).isEqualTo(PROMPTS.size() - 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void failFastCancelsStreamsAtTheirNextPartial(String name) {
        Provider provider = provider(name);
        StreamingChatModel model = provider.streamingChatModel();
        Batch.Call<String, ChatResponse> streamed = Batch.awaiting(prompt -> AsyncChat.chatAsync(model, ask(prompt)));

        assertThatThrownBy(() -> Batch.of(PROMPTS).run(failingOnceTheOthersStream(provider, streamed)))
                .isInstanceOfSatisfying(BatchFailedException.class,
                        e -> assertThat(e.failure().index()).as(e.getMessage()).isEqualTo(FAILING));

        ModelStats stats = settled(provider);
        assertThat(stats.count(500)).isEqualTo(1);
        assertThat(stats.requests()).isEqualTo(PROMPTS.size());
        assertThat(stats.clientDisconnects()).isEqualTo(PROMPTS.size() - 1);
        // Each stream was closed at a partial, long before its answer was complete.
        assertThat(stats.tokensSent()).isLessThan(stats.clientDisconnects() * ENDLESS_TOKENS);
    }

    /** Prompt {@link #FAILING} fails at once; the others ask for answers far longer than the test will wait for. */
    private static final int FAILING = 2;
    private static final int ENDLESS_TOKENS = 100_000;
    private static final List<String> PROMPTS = IntStream.range(0, 6)
            .mapToObj(i -> "Question " + i + (i == FAILING ? " [sim:fault=500]" : " [sim:tokens=" + ENDLESS_TOKENS + "]"))
            .toList();

    /**
     * The call of prompt {@link #FAILING} waits until every other call is in flight (a stream: past its first token), so
     * the failure always finds them all in flight: the assertions count what the simulator recorded, not who won a
     * race.
     */
    private static <O> Batch.Call<String, O> failingOnceTheOthersStream(Provider provider, Batch.Call<String, O> call) {
        return prompt -> {
            if (prompt.contains("[sim:fault=")) {
                await().atMost(Duration.ofSeconds(30)).until(() -> sim.simulator().stats()
                        .requests(provider.modelName()).stream()
                        .filter(r -> r.completionMillis() == null && (!r.stream() || r.firstTokenMillis() != null))
                        .count() == PROMPTS.size() - 1);
            }
            return call.call(prompt);
        };
    }

    private static ModelStats settled(Provider provider) {
        await().atMost(Duration.ofSeconds(30)).until(() -> stats(provider).inFlight() == 0);
        return stats(provider);
    }

}
