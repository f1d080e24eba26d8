package io.github.asynccookbook.recipes;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.model.chat.ChatModel;
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
