package io.github.asynccookbook.recipes;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.github.asynccookbook.harness.GroundTruth;
import io.github.asynccookbook.httpclient.reactornetty.ReactorNettyHttpClientBuilder;
import io.github.asynccookbook.providers.ModelOptions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link AsyncChat} and {@link StreamingFlux} with a model the caller built on a non-blocking transport (the
 * cookbook's Reactor Netty one): the same answers and cancellations as on LangChain4j's JDK transport
 * ({@link OpenStreamsOnReactorNettyTest}: hundreds of open streams on a handful of threads). Time scale 0.2, so a
 * cancel reaches the server long before an answer is complete.
 */
@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NonBlockingTransportTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(c -> c.timeScale(0.2));

    @BeforeEach
    void startQuiet() {
        GroundTruth.awaitQuiet(sim.simulator());
        sim.simulator().reset();
    }

    private static Provider provider(String name) {
        return ProviderSet.forSimulator(sim.simulator()).get(name);
    }

    /** What a reader of the recipes writes: the model's builder gets {@code new ReactorNettyHttpClientBuilder()}. */
    private static StreamingChatModel onReactorNetty(Provider provider) {
        return provider.streamingChatModel(ModelOptions.builder()
                .httpClientBuilder(new ReactorNettyHttpClientBuilder()).build());
    }

    private static ChatRequest ask(String prompt) {
        return ChatRequest.builder().messages(UserMessage.from(prompt)).build();
    }

    private static RequestRecord onlyRequestOnceFinished() {
        return await().atMost(WAIT).until(() -> sim.simulator().stats().requests(),
                requests -> requests.size() == 1 && requests.getFirst().completionMillis() != null).getFirst();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void chatAsyncAnswersAndCancellingClosesTheStream(String name) throws Exception {
        StreamingChatModel model = onReactorNetty(provider(name));

        ChatResponse answer = AsyncChat.chatAsync(model, "[sim:tokens=20] Why do some birds migrate?")
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(answer.aiMessage().text()).isNotBlank();
        assertThat(answer.tokenUsage().outputTokenCount()).isEqualTo(20);

        sim.simulator().reset();
        var future = AsyncChat.chatAsync(model, "[sim:tokens=3000] Why do some birds migrate?");
        await().atMost(WAIT).until(() -> !sim.simulator().stats().requests().isEmpty()
                && sim.simulator().stats().requests().getFirst().firstTokenMillis() != null);
        future.cancel(true);

        RequestRecord served = onlyRequestOnceFinished();
        assertThat(served.clientDisconnected()).isTrue();
        assertThat(served.tokensSent()).isLessThan(served.plannedTokens());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void streamingFluxDisposedAfterTwoChunksStopsTheStream(String name) {
        StreamingChatModel model = onReactorNetty(provider(name));

        StepVerifier.create(StreamingFlux.stream(model, ask("Tell me a long story. [sim:tokens=1000]")).take(2))
                .expectNextCount(2)
                .expectComplete()
                .verify(WAIT);

        RequestRecord served = onlyRequestOnceFinished();
        assertThat(served.clientDisconnected()).isTrue();
        assertThat(served.tokensSent()).isPositive().isLessThan(served.plannedTokens());
    }
}
