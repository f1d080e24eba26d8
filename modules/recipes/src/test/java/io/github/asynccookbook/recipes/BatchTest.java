package io.github.asynccookbook.recipes;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.github.asynccookbook.providers.ModelOptions;
import io.github.asynccookbook.recipes.Batch.BatchFailedException;
import io.github.asynccookbook.recipes.Batch.Outcome;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.simulator.ModelStats;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class BatchTest {

    @RegisterExtension
    static SimulatorExtension sim = new SimulatorExtension();

    /** Without retries a forced fault fails its call once, so the simulator's counts are exact. */
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

    /** A JVM's first calls are slow (class loading, JIT) and would blur the completion order. */
    @BeforeAll
    static void warmUp() {
        provider("gemini").chatModel().chat("Hello [sim:tokens=5]");
        provider("mistral").chatModel().chat("Hello [sim:tokens=5]");
    }

    @Test
    void outcomesComeBackInInputOrder() {
        ChatModel model = provider("mistral").chatModel();
        // Longest answer first, so the calls tend to finish in reverse order.
        List<Integer> lengths = List.of(2000, 1500, 1000, 500, 20);

        List<Outcome<ChatResponse>> outcomes = Batch.of(lengths)
                .run(tokens -> model.chat(ask("Describe the sea [sim:tokens=" + tokens + "]")));

        assertThat(outcomes).extracting(Outcome::index).containsExactly(0, 1, 2, 3, 4);
        assertThat(outcomes).extracting(o -> ((Outcome.Success<ChatResponse>) o).value().tokenUsage().outputTokenCount())
                .containsExactlyElementsOf(lengths);
    }

    @Test
    void failedCallsFillTheirOwnSlotsAndTheOthersSucceed() {
        Provider gemini = provider("gemini");
        ChatModel model = gemini.chatModel(NO_RETRIES);
        List<String> prompts = IntStream.range(0, 8)
                .mapToObj(i -> "Question " + i + (i == 2 || i == 5 ? " [sim:fault=500]" : ""))
                .toList();

        List<Outcome<String>> outcomes = Batch.of(prompts).returnExceptions(true).run(model::chat);

        assertThat(outcomes).hasSize(8);
        IntStream.range(0, 8).forEach(i -> {
            if (i == 2 || i == 5) {
                assertThat(outcomes.get(i)).isInstanceOfSatisfying(Outcome.Failure.class,
                        f -> assertThat(f.error()).isInstanceOf(InternalServerException.class));
            } else {
                assertThat(outcomes.get(i)).isInstanceOf(Outcome.Success.class);
            }
        });
        assertThat(stats(gemini).count(500)).isEqualTo(2);
        assertThat(stats(gemini).count(200)).isEqualTo(6);
    }

    @Test
    void neverRunsMoreThanMaxConcurrencyCallsAtOnce() {
        Provider mistral = provider("mistral");
        ChatModel model = mistral.chatModel();
        List<String> prompts = IntStream.range(0, 30).mapToObj(i -> "Question " + i).toList();

        List<Outcome<String>> outcomes = Batch.of(prompts).maxConcurrency(3).run(model::chat);

        assertThat(outcomes).allMatch(o -> o instanceof Outcome.Success<String>);
        assertThat(stats(mistral).requests()).isEqualTo(30);
        assertThat(stats(mistral).maxInFlight()).isEqualTo(3);
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
    private static final int ENDLESS_TOKENS = 50_000;
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

    @Test
    void interruptingTheWaitingThreadCancelsTheCalls() throws InterruptedException {
        Provider mistral = provider("mistral");
        ChatModel model = mistral.chatModel();
        List<String> prompts = IntStream.range(0, 4).mapToObj(i -> "Question " + i + " [sim:tokens=5000]").toList();
        var thrown = new AtomicReference<RuntimeException>();

        Thread waiting = Thread.ofPlatform().start(() -> {
            try {
                Batch.of(prompts).returnExceptions(true).run(model::chat);
            } catch (RuntimeException e) {
                thrown.set(e);
            }
        });
        await().pollInterval(Duration.ofMillis(5)).atMost(Duration.ofSeconds(10))
                .until(() -> stats(mistral).inFlight() == 4);
        waiting.interrupt();
        waiting.join();

        assertThat(thrown.get()).hasCauseInstanceOf(InterruptedException.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> stats(mistral).inFlight() == 0);
        assertThat(stats(mistral).clientDisconnects()).isEqualTo(4);
        assertThat(stats(mistral).count(200)).isZero();
    }

    @Test
    void asCompletedEmitsInCompletionOrder() {
        ChatModel model = provider("gemini").chatModel();
        List<Integer> lengths = List.of(1200, 20, 600, 300, 900);

        List<Outcome<String>> emitted = Batch.of(lengths)
                .<String>asCompleted(tokens -> model.chat("Describe the sky [sim:tokens=" + tokens + "]"))
                .collectList().block();

        assertThat(emitted).extracting(Outcome::index)
                .containsExactlyInAnyOrder(0, 1, 2, 3, 4)
                .startsWith(1);
        assertThat(emitted).isSortedAccordingTo(Comparator.comparingLong(Outcome::endNanos));
    }
}
