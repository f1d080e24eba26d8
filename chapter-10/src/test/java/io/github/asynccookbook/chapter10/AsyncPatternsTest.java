package io.github.asynccookbook.chapter10;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.recipes.AsyncChat;
import io.github.asynccookbook.recipes.StreamingFlux;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The source's three async tests (ainvoke, abatch, astream) in Java, then the patterns that matter in async code,
 * each asserting on what the simulator recorded rather than on wall-clock time.
 */
class AsyncPatternsTest {

    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(c -> c.timeScale(0.05));

    private Provider provider(String name) {
        return ProviderSet.forSimulator(sim.simulator()).get(name);
    }

    // Python: test_ainvoke — one async call completes with an answer.
    // tag::ainvoke[]
    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void chatAsyncCompletesWithAnAnswer(String name) {
        CompletableFuture<ChatResponse> answer = AsyncChat.chatAsync(provider(name).streamingChatModel(), "Say hello");

        assertThat(answer).succeedsWithin(Duration.ofSeconds(30))
                .extracting(r -> r.aiMessage().text()).asString().isNotBlank();
        assertThat(sim.simulator().stats().requests()).singleElement()
                .satisfies(r -> assertThat(r.tokensSent()).isEqualTo(r.plannedTokens()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void chatAsyncFailsWithTheProvidersError(String name) {
        CompletableFuture<ChatResponse> answer =
                AsyncChat.chatAsync(provider(name).streamingChatModel(), "Say hello [sim:fault=503]");

        assertThat(answer).failsWithin(Duration.ofSeconds(30))
                .withThrowableOfType(ExecutionException.class).havingCause().isInstanceOf(InternalServerException.class);
        assertThat(sim.simulator().stats().requests()).singleElement().extracting(RequestRecord::status).isEqualTo(503);
    }
    // end::ainvoke[]

    // Python: test_abatch — a batch returns one answer per prompt within the in-flight limit (input order and the
    // limit are proven in WhatMattersTest).
    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void batchAnswersEveryPromptWithinTheLimit(String name) {
        List<String> prompts = IntStream.range(0, 8).mapToObj(i -> "Question " + i).toList();

        List<String> answers = Main.boundedBatch(provider(name).chatModel(), prompts, 3);

        assertThat(answers).hasSize(8).doesNotContainNull();
        List<RequestRecord> seen = sim.simulator().stats().requests();
        assertThat(seen).hasSize(8);
        assertThat(sim.simulator().stats().maxInFlight()).isLessThanOrEqualTo(3);
    }

    // Python: test_astream — a stream emits several chunks and completes.
    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void streamEmitsChunksThenCompletes(String name) {
        StreamingChatModel model = provider(name).streamingChatModel();
        Flux<String> tokens = StreamingFlux.stream(model,
                ChatRequest.builder().messages(UserMessage.from("Tell a story")).build());

        StepVerifier.create(tokens).expectNextCount(2).thenConsumeWhile(t -> true)
                .expectComplete().verify(Duration.ofSeconds(30));
        RequestRecord record = sim.simulator().stats().requests().getFirst();
        assertThat(record.stream()).isTrue();
        assertThat(record.tokensSent()).isEqualTo(record.plannedTokens());
    }

    // A 60 s back-off tested in virtual time: runs in milliseconds, no sleep.
    @Test
    void sixtySecondBackOffRunsInVirtualTime() {
        AtomicInteger attempts = new AtomicInteger();
        StepVerifier.withVirtualTime(() -> Mono.fromCallable(() -> {
                            if (attempts.incrementAndGet() < 3) throw new IllegalStateException("429");
                            return "ok";
                        })
                        .retryWhen(Retry.fixedDelay(2, Duration.ofSeconds(60))))
                .expectSubscription()
                .expectNoEvent(Duration.ofSeconds(60))
                .thenAwait(Duration.ofSeconds(60))
                .expectNext("ok")
                .verifyComplete();
        assertThat(attempts).hasValue(3);
    }
}
