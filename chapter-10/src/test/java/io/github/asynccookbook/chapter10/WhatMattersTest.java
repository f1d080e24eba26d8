package io.github.asynccookbook.chapter10;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.github.asynccookbook.providers.ModelOptions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.recipes.StreamingFlux;
import io.github.asynccookbook.simulator.Fault;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What matters in async LLM code, one short test each, on both providers. Every assertion is on what the simulator
 * recorded (requests, in-flight peak, faults, tokens sent, disconnects), never on how long something took.
 */
class WhatMattersTest {

    /** 20x faster than real time; a stall lasts 10 model minutes (30 s here), far longer than any timeout below. */
    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(c -> c.timeScale(0.05)
            .stallDuration(Duration.ofMinutes(10)));

    private static Provider provider(String name) {
        return ProviderSet.forSimulator(sim.simulator()).get(name);
    }

    private static List<RequestRecord> seen() {
        return sim.simulator().stats().requests();
    }

    // tag::input-order[]
    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void resultsComeBackInInputOrder(String name) {
        ChatModel model = provider(name).chatModel();
        // The first prompts get the longest answers, so they finish last.
        List<String> prompts = IntStream.range(0, 8)
                .mapToObj(i -> "Question %d [sim:tokens=%d]".formatted(i, 610 - 80 * i)).toList();

        List<String> answers = Main.boundedBatch(model, prompts, 3);

        List<Long> arrived = seen().stream().map(RequestRecord::id).toList();
        List<Long> finished = seen().stream().sorted(Comparator.comparing(RequestRecord::completionMillis))
                .map(RequestRecord::id).toList();
        assertThat(finished).as("completion order, so the test can fail").isNotEqualTo(arrived);
        assertThat(answers).isEqualTo(prompts.stream().map(model::chat).toList());   // same request, same answer
    }
    // end::input-order[]

    // tag::in-flight-limit[]
    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void neverMoreThanTheLimitInFlight(String name) {
        List<String> prompts = IntStream.range(0, 9).mapToObj(i -> "Question %d [sim:tokens=300]".formatted(i)).toList();

        Main.boundedBatch(provider(name).chatModel(), prompts, 3);

        assertThat(seen()).hasSize(9);
        assertThat(sim.simulator().stats().maxInFlight()).as("the server's own count").isBetween(2, 3);
    }
    // end::in-flight-limit[]

    // tag::fault-slot[]
    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void aForcedFaultLandsInItsSlot(String name) {
        ChatModel model = provider(name).chatModel(ModelOptions.builder().maxRetries(0).build());
        List<String> prompts = List.of("a", "b [sim:fault=500]", "c");

        List<String> outcomes = Flux.fromIterable(prompts)
                .flatMapSequential(p -> Mono.fromCallable(() -> model.chat(p))
                        .subscribeOn(Schedulers.boundedElastic())
                        .onErrorResume(e -> Mono.just("failed: " + e.getClass().getSimpleName())), 3)
                .collectList().block();

        assertThat(outcomes).hasSize(3);
        assertThat(outcomes.get(1)).isEqualTo("failed: " + InternalServerException.class.getSimpleName());
        assertThat(outcomes.get(0)).doesNotStartWith("failed");
        assertThat(outcomes.get(2)).doesNotStartWith("failed");
        assertThat(seen()).hasSize(3).filteredOn(r -> r.fault() == Fault.INTERNAL).singleElement()
                .extracting(RequestRecord::status).isEqualTo(500);
    }
    // end::fault-slot[]

    // tag::timeout[]
    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void aTimeoutFiresAndTheConnectionIsClosed(String name) {
        ChatModel model = provider(name).chatModel(
                ModelOptions.builder().timeout(Duration.ofMillis(500)).maxRetries(0).build());

        assertThatThrownBy(() -> model.chat("Hello [sim:fault=stall-headers]")).isInstanceOf(TimeoutException.class);

        // The server learns of the closed connection a moment later: wait for it, do not sleep.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(seen()).singleElement()
                .satisfies(r -> assertThat(r.clientDisconnected()).as("client disconnected").isTrue())
                .extracting(RequestRecord::status).isEqualTo(0));
    }
    // end::timeout[]

    // tag::cancel[]
    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void cancellationReachesTheServer(String name) {
        StreamingChatModel model = provider(name).streamingChatModel();
        ChatRequest longAnswer = ChatRequest.builder()
                .messages(UserMessage.from("Tell a long story [sim:tokens=5000]")).build();

        List<String> firstChunks = StreamingFlux.stream(model, longAnswer).take(3).collectList()   // take cancels
                .block(Duration.ofSeconds(30));

        assertThat(firstChunks).hasSize(3);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(seen()).singleElement()
                .satisfies(r -> assertThat(r.clientDisconnected()).as("client disconnected").isTrue())
                .satisfies(r -> assertThat(r.tokensSent()).isLessThan(r.plannedTokens())));
    }
    // end::cancel[]
}
