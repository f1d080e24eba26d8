package io.github.asynccookbook.recipes;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.input.PromptTemplate;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.recipes.StreamEvents.Chain;
import io.github.asynccookbook.recipes.StreamEvents.Step;
import io.github.asynccookbook.recipes.StreamEvents.StreamEvent;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * {@link StreamEvents.Chain} against the simulator's ground truth. Time scale 0.2: a 1000-token answer streams for
 * more than a second, so a cancel reaches the server long before the answer is complete.
 */
class StreamEventsChainTest {

    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(c -> c.timeScale(0.2));

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String LONG = " [sim:tokens=1000]";

    private static Chain chain(String provider) {
        StreamingChatModel model = ProviderSet.forSimulator(sim.simulator()).get(provider).streamingChatModel();
        var human = PromptTemplate.from("Give 3 bullet points about: {{topic}}");
        return Chain.of("BulletPoints",
                new Step<>("PromptTemplate", variables -> List.of(SystemMessage.from("You are a helpful assistant."),
                        human.apply(variables).toUserMessage())),
                model,
                new Step<>("StringParser", AiMessage::text));
    }

    private static List<StreamEvent> all(Flux<StreamEvent> events) {
        return events.collectList().block(PATIENCE);
    }

    /** The only request so far, once the simulator has finished with it (a cancel reaches it a moment later). */
    private static RequestRecord onlyRequestOnceFinished() {
        return await().atMost(PATIENCE).until(() -> sim.simulator().stats().requests(),
                        requests -> requests.size() == 1 && requests.getFirst().completionMillis() != null)
                .getFirst();
    }

    private static <T extends StreamEvent> List<T> only(List<StreamEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void theEventGrammarHolds(String provider) {
        List<StreamEvent> events = all(chain(provider).streamEvents(Map.of("topic", "event streams")));

        EventGrammar.assertHolds(events);
        assertThat(events.stream().map(StreamEvent::event).distinct()).containsExactly("on_chain_start",
                "on_prompt_start", "on_prompt_end", "on_chat_model_start", "on_parser_start", "on_chat_model_stream",
                "on_chain_stream", "on_chat_model_end", "on_parser_end", "on_chain_end");
        assertThat(events).filteredOn(event -> !event.parentIds().isEmpty()).allSatisfy(event -> assertThat(
                event.parentIds()).containsExactly(events.getFirst().runId()));
        assertThat(only(events, StreamEvent.ChatModelStart.class).getFirst().tags()).containsExactly("seq:step:2");
        assertThat(only(events, StreamEvent.ChatModelStart.class).getFirst().metadata())
                .containsEntry("ls_model_name", sim.simulator().stats().requests().getFirst().model());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void chunksAddUpToTheOutputAndUsageIsWhatTheSimulatorSent(String provider) {
        List<StreamEvent> events = all(chain(provider).streamEvents(Map.of("topic", "token usage")));

        var modelEnd = only(events, StreamEvent.ChatModelEnd.class).getFirst();
        String modelChunks = only(events, StreamEvent.ChatModelStream.class).stream()
                .map(StreamEvent.ChatModelStream::chunk).collect(Collectors.joining());
        String chainChunks = only(events, StreamEvent.ChainStream.class).stream()
                .map(StreamEvent.ChainStream::chunk).collect(Collectors.joining());
        assertThat(only(events, StreamEvent.ChatModelStream.class)).hasSizeGreaterThan(1);
        assertThat(modelChunks).isEqualTo(modelEnd.output().aiMessage().text());
        assertThat(chainChunks).isEqualTo(((StreamEvent.ChainEnd) events.getLast()).output()).isNotBlank();

        RequestRecord served = onlyRequestOnceFinished();
        TokenUsage usage = modelEnd.output().tokenUsage();
        assertThat(usage.inputTokenCount()).isEqualTo(served.promptTokens());
        assertThat(usage.outputTokenCount()).isEqualTo(served.tokensSent()).isEqualTo(served.plannedTokens());
        assertThat(modelEnd.output().finishReason()).isEqualTo(FinishReason.STOP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void cancellingAfterSomeChunksClosesTheHttpStreamAndNothingFollows(String provider) {
        int stopAfter = 2;
        var received = new CopyOnWriteArrayList<StreamEvent>();
        var chunks = new AtomicInteger();
        chain(provider).streamEvents(Map.of("topic", "cancellation" + LONG)).subscribe(new BaseSubscriber<>() {
            @Override
            protected void hookOnNext(StreamEvent event) {
                received.add(event);
                if (event instanceof StreamEvent.ChatModelStream && chunks.incrementAndGet() == stopAfter) {
                    cancel();
                }
            }
        });

        RequestRecord served = onlyRequestOnceFinished();
        assertThat(served.clientDisconnected()).isTrue();
        assertThat(served.tokensSent()).isPositive().isLessThan(served.plannedTokens());
        assertThat(sim.simulator().stats().model(served.model()).clientDisconnects()).isEqualTo(1);
        assertThat(only(received, StreamEvent.ChatModelStream.class)).hasSize(stopAfter);
        assertThat(received.getLast()).isInstanceOf(StreamEvent.ChatModelStream.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void aForcedFaultEndsTheStreamWithOneErrorEvent(String provider) {
        List<StreamEvent> events = all(chain(provider).streamEvents(Map.of("topic", "faults [sim:fault=500]")));

        EventGrammar.assertHolds(events);
        assertThat(only(events, StreamEvent.Error.class)).singleElement().satisfies(failed -> {
            assertThat(failed.error()).isInstanceOf(InternalServerException.class);
            assertThat(failed.type()).isEqualTo("chat_model");
        });
        assertThat(onlyRequestOnceFinished().status()).isEqualTo(500);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void invokeAndStreamThrowWhatFailed(String provider) {
        Map<String, Object> input = Map.of("topic", "faults [sim:fault=500]");

        assertThatThrownBy(() -> chain(provider).invoke(input)).isInstanceOf(InternalServerException.class);
        StepVerifier.create(chain(provider).stream(input)).expectError(InternalServerException.class).verify(PATIENCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void invokeStreamAndEventsOfOneChainGiveOneAnswer(String provider) {
        Chain chain = chain(provider);
        Map<String, Object> input = Map.of("topic", "consistency");

        String invoked = chain.invoke(input);
        String async = chain.invokeAsync(input).join();
        String streamed = String.join("", chain.stream(input).collectList().block(PATIENCE));

        assertThat(invoked).isNotBlank().isEqualTo(async).isEqualTo(streamed);   // the simulator answers alike
        assertThat(sim.simulator().stats().requests()).hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void cancellingTheFutureOfInvokeAsyncClosesTheHttpStream(String provider) {
        CompletableFuture<String> answer = chain(provider).invokeAsync(Map.of("topic", "futures" + LONG));
        await().atMost(PATIENCE).until(() -> sim.simulator().stats().requests(),
                requests -> requests.size() == 1 && requests.getFirst().firstTokenMillis() != null);

        answer.cancel(true);

        RequestRecord served = onlyRequestOnceFinished();
        assertThat(served.clientDisconnected()).isTrue();
        assertThat(served.tokensSent()).isLessThan(served.plannedTokens());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void nothingIsSentBeforeSubscribe(String provider) {
        Flux<StreamEvent> notYet = chain(provider).streamEvents(Map.of("topic", "laziness"));
        assertThat(sim.simulator().stats().requests()).isEmpty();

        assertThat(all(notYet)).isNotEmpty();
        assertThat(all(notYet)).isNotEmpty();
        assertThat(sim.simulator().stats().requests()).hasSize(2);   // each subscription is a run
    }

    @Test
    void aMissingTemplateVariableFailsThePromptStepAndSendsNothing() {
        List<StreamEvent> events = all(chain("mistral").streamEvents(Map.of("subject", "typo")));

        EventGrammar.assertHolds(events);
        assertThat(events.getLast()).isInstanceOfSatisfying(StreamEvent.Error.class, failed -> {
            assertThat(failed.type()).isEqualTo("prompt");
            assertThat(failed.error()).hasMessageContaining("topic");
        });
        assertThat(sim.simulator().stats().requests()).isEmpty();
    }

    @Test
    void tagsAndMetadataOfTheConfigReachEveryEvent() {
        Chain tagged = chain("gemini").withConfig(List.of("benchmark"), Map.of("user", "ada"));

        List<StreamEvent> events = all(tagged.streamEvents(Map.of("topic", "tags")));

        assertThat(events).allSatisfy(event -> {
            assertThat(event.tags()).startsWith("benchmark");
            assertThat(event.metadata()).containsEntry("user", "ada");
        });
    }
}
