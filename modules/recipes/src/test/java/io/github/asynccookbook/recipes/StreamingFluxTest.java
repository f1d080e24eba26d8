package io.github.asynccookbook.recipes;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.simulator.Fault;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.io.EOFException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link StreamingFlux} against the simulator's ground truth. Time scale 0.2: a 1000-token answer streams for more
 * than a second, so even on a loaded machine a cancel reaches the server long before the answer is complete (and
 * costs nothing when it does, the test ending with the cancel).
 */
class StreamingFluxTest {

    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(c -> c.timeScale(0.2));

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static StreamingChatModel model(String provider) {
        return ProviderSet.forSimulator(sim.simulator()).get(provider).streamingChatModel();
    }

    private static ChatRequest ask(String prompt) {
        return ChatRequest.builder().messages(UserMessage.from(prompt)).build();
    }

    /** The only request so far, once the simulator has finished with it (a cancel reaches it a moment later). */
    private static RequestRecord onlyRequestOnceFinished() {
        return await().atMost(PATIENCE).until(() -> sim.simulator().stats().requests(),
                        requests -> requests.size() == 1 && requests.getFirst().completionMillis() != null)
                .getFirst();
    }

    private static String textOfPlainStream(StreamingChatModel model, ChatRequest request) {
        var response = new CompletableFuture<ChatResponse>();
        model.chat(request, new StreamingChatResponseHandler() {
            @Override
            public void onCompleteResponse(ChatResponse complete) {
                response.complete(complete);
            }

            @Override
            public void onError(Throwable error) {
                response.completeExceptionally(error);
            }
        });
        return response.join().aiMessage().text();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void sendsNothingBeforeSubscribe(String provider) {
        Flux<String> notYet = StreamingFlux.stream(model(provider), ask("Why stream? [sim:tokens=5]"));
        StreamingFlux.stream(model(provider), ask("Why buffer? [sim:tokens=5]")).blockLast(PATIENCE);

        assertThat(sim.simulator().stats().requests()).hasSize(1);
        StepVerifier.create(notYet).thenConsumeWhile(chunk -> true).expectComplete().verify(PATIENCE);
        assertThat(sim.simulator().stats().requests()).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void chunksArriveCompleteAndInOrderEvenWhenTheSubscriberLagsBehind(String provider) {
        StreamingChatModel model = model(provider);
        ChatRequest request = ask("Explain backpressure. [sim:tokens=150]");
        String wholeAnswer = textOfPlainStream(model, request);   // same request, same text from the simulator
        onlyRequestOnceFinished();
        sim.simulator().reset();

        StepVerifier.create(StreamingFlux.stream(model, request), 1)
                .recordWith(ArrayList::new)
                .expectNextCount(1)
                .then(() -> {
                    RequestRecord served = onlyRequestOnceFinished();   // the server is done, we read one chunk
                    assertThat(served.tokensSent()).isEqualTo(served.plannedTokens());
                    assertThat(served.clientDisconnected()).isFalse();
                })
                .thenRequest(Long.MAX_VALUE)
                .thenConsumeWhile(chunk -> true)
                .consumeRecordedWith(chunks -> {
                    assertThat(chunks).hasSizeGreaterThan(1).allSatisfy(chunk -> assertThat(chunk).isNotEmpty());
                    assertThat(String.join("", chunks)).isEqualTo(wholeAnswer);
                })
                .expectComplete()
                .verify(PATIENCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void disposingStopsTheHttpStream(String provider) {
        StepVerifier.create(StreamingFlux.stream(model(provider), ask("Tell me a long story. [sim:tokens=1000]")).take(2))
                .expectNextCount(2)
                .expectComplete()
                .verify(PATIENCE);

        RequestRecord served = onlyRequestOnceFinished();
        assertThat(served.clientDisconnected()).isTrue();
        assertThat(served.tokensSent()).isPositive().isLessThan(served.plannedTokens());
        assertThat(sim.simulator().stats().model(served.model()).clientDisconnects()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void disposedBeforeTheFirstChunkCancelsAtTheFirstChunk(String provider) {
        List<String> received = new CopyOnWriteArrayList<>();
        Disposable subscription = StreamingFlux.stream(model(provider), ask("Tell me a long story. [sim:tokens=1000]"))
                .subscribe(received::add);
        subscription.dispose();   // the TTFT is ~130 ms away: there is no StreamingHandle to cancel yet

        RequestRecord served = onlyRequestOnceFinished();
        assertThat(served.clientDisconnected()).isTrue();
        assertThat(served.firstTokenMillis()).isNotNull();
        assertThat(served.tokensSent()).isLessThan(served.plannedTokens());
        assertThat(received).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void aConnectionDroppedMidStreamReachesOnError(String provider) {
        StepVerifier.create(StreamingFlux.stream(model(provider), ask("Tell me a story. [sim:fault=drop-stream]")))
                .recordWith(ArrayList::new)
                .thenConsumeWhile(chunk -> true)
                .consumeRecordedWith(chunks -> assertThat(chunks).isNotEmpty())
                .expectErrorSatisfies(error -> assertThat(error)
                        .isExactlyInstanceOf(LangChain4jException.class)
                        .hasMessage("closed")                           // as for a cancel from another thread
                        .hasRootCauseInstanceOf(EOFException.class))    // the JDK's chunked decoder hit EOF
                .verify(PATIENCE);

        RequestRecord served = onlyRequestOnceFinished();
        assertThat(served.fault()).isEqualTo(Fault.DROP_MID_STREAM);
        assertThat(served.tokensSent()).isPositive().isLessThan(served.plannedTokens());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void aTimeoutOnTheFluxClosesAStalledStream(String provider) {
        // LangChain4j's own timeout only covers the response headers: a stall after them would wait forever.
        StepVerifier.create(StreamingFlux.stream(model(provider), ask("Tell me a story. [sim:fault=stall-stream]"))
                        .timeout(Duration.ofSeconds(1)))
                .thenConsumeWhile(chunk -> true)
                .expectError(TimeoutException.class)
                .verify(PATIENCE);

        RequestRecord served = onlyRequestOnceFinished();
        assertThat(served.clientDisconnected()).isTrue();
        assertThat(served.tokensSent()).isLessThan(served.plannedTokens());
    }

    @Test
    void anErrorThrownBeforeSendingReachesOnError() {
        ChatRequest topK = ChatRequest.builder().messages(UserMessage.from("Hello")).topK(5).build();

        StepVerifier.create(StreamingFlux.stream(model("mistral"), topK))
                .expectError(UnsupportedFeatureException.class)
                .verify(PATIENCE);
        assertThat(sim.simulator().stats().requests()).isEmpty();
    }
}
