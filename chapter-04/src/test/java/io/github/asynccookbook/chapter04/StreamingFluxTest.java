package io.github.asynccookbook.chapter04;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class StreamingFluxTest {

    @RegisterExtension
    static SimulatorExtension sim = new SimulatorExtension();

    private static StreamingChatModel model(String provider) {
        return ProviderSet.forSimulator(sim.simulator()).get(provider).streamingChatModel();
    }

    private static ChatRequest ask(String prompt) {
        return ChatRequest.builder().messages(UserMessage.from(prompt)).build();
    }

    private static RequestRecord lastRequestOnceDone() {
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> sim.simulator().stats().requests().getLast(), r -> r.completionMillis() != null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void probe(String provider) throws Exception {
        var got = new ArrayList<String>();
        var f = StreamingFlux.stream(model(provider), ask("Tell me about streams [sim:tokens=400]")).take(3);
        f.doOnNext(got::add).blockLast();
        System.out.println(provider + " take3 " + got + " -> " + lastRequestOnceDone());
        sim.simulator().reset();
        try {
            StreamingFlux.stream(model(provider), ask("Tell me about streams [sim:fault=drop-stream]")).blockLast(Duration.ofSeconds(5));
        } catch (Exception e) {
            System.out.println(provider + " drop: " + e);
        }
        System.out.println(provider + " drop -> " + lastRequestOnceDone());
    }
}
