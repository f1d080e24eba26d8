package io.github.asynccookbook.recipes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import dev.langchain4j.model.mistralai.MistralAiStreamingChatModel;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.TokenStream;
import io.github.asynccookbook.recipes.StreamEvents.StreamEvent;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link StreamEvents#ofTokenStream} for an AI service with a tool, against what the simulator put on the wire
 * (tool call ids and arguments, read by a {@link WireTap}) and what it recorded (tokens per request, disconnects).
 */
class StreamEventsAiServiceTest {

    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(c -> c.timeScale(0.2));

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUESTION = "What is the weather in Paris and London?";

    interface Assistant {
        TokenStream chat(String message);
    }

    public static final class WeatherTools {
        @Tool("Returns the current weather in a city")
        public String currentWeather(@P("the city") String city) {
            return city + ": 18 degrees";
        }
    }

    private final WireTap wire = new WireTap();

    private StreamingChatModel model(String provider) {
        return switch (provider) {
            case "gemini" -> GoogleAiGeminiStreamingChatModel.builder().baseUrl(sim.simulator().geminiBaseUrl())
                    .apiKey("any").modelName("gemini-2.5-flash").httpClientBuilder(wire).build();
            default -> MistralAiStreamingChatModel.builder().baseUrl(sim.simulator().mistralBaseUrl())
                    .apiKey("any").modelName("mistral-small-latest").httpClientBuilder(wire).build();
        };
    }

    private Flux<StreamEvent> events(String provider, String question) {
        StreamingChatModel model = model(provider);
        Assistant assistant = AiServices.builder(Assistant.class).streamingChatModel(model)
                .tools(new WeatherTools()).build();
        return StreamEvents.ofTokenStream("Assistant", model, Map.of("message", question),
                () -> assistant.chat(question));
    }

    /** The tool calls the simulator sent, as {name, arguments, id} read from the raw stream. */
    private List<List<String>> toolCallsOnTheWire() throws Exception {
        var calls = new ArrayList<List<String>>();
        for (String data : wire.received()) {
            if (!data.startsWith("{")) {
                continue;   // Mistral's [DONE]
            }
            JsonNode chunk = JSON.readTree(data);
            for (JsonNode call : chunk.path("choices").path(0).path("delta").path("tool_calls")) {
                JsonNode arguments = JSON.readTree(call.path("function").path("arguments").asText());
                calls.add(List.of(call.path("function").path("name").asText(), arguments.toString(),
                        call.path("id").asText()));
            }
            for (JsonNode part : chunk.path("candidates").path(0).path("content").path("parts")) {
                if (part.has("functionCall")) {
                    assertThat(part.path("functionCall").has("id")).isFalse();   // Gemini 2.x sends no call id
                    calls.add(List.of(part.path("functionCall").path("name").asText(),
                            part.path("functionCall").path("args").toString(), "null"));
                }
            }
        }
        return calls;
    }

    private static <T extends StreamEvent> List<T> only(List<StreamEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void toolEventsCarryTheSimulatorsCallIdsAndArguments(String provider) throws Exception {
        List<StreamEvent> events = events(provider, QUESTION).collectList().block(PATIENCE);

        EventGrammar.assertHolds(events);
        List<List<String>> onTheWire = toolCallsOnTheWire();
        assertThat(onTheWire).hasSize(2);
        List<List<String>> started = new ArrayList<>();
        for (var start : only(events, StreamEvent.ToolStart.class)) {
            started.add(List.of(start.name(), JSON.readTree(start.input().arguments()).toString(),
                    String.valueOf(start.input().id())));
        }
        assertThat(started).containsExactlyElementsOf(onTheWire);
        assertThat(only(events, StreamEvent.ToolEnd.class)).extracting(StreamEvent.ToolEnd::output)
                .containsExactly("Paris: 18 degrees", "London: 18 degrees");
        assertThat(only(events, StreamEvent.ToolEnd.class)).allSatisfy(end -> assertThat(end.runId())
                .isIn(only(events, StreamEvent.ToolStart.class).stream().map(StreamEvent::runId).toList()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void eachModelCallIsOneRequestWithTheTokensTheSimulatorSent(String provider) {
        List<StreamEvent> events = events(provider, QUESTION).collectList().block(PATIENCE);

        List<RequestRecord> requests = await().atMost(PATIENCE).until(() -> sim.simulator().stats().requests(),
                seen -> seen.size() == 2 && seen.stream().allMatch(r -> r.completionMillis() != null));
        var ends = only(events, StreamEvent.ChatModelEnd.class);
        assertThat(only(events, StreamEvent.ChatModelStart.class)).hasSize(2);
        assertThat(ends).hasSize(2);
        for (int call = 0; call < 2; call++) {
            assertThat(ends.get(call).output().tokenUsage().inputTokenCount())
                    .isEqualTo(requests.get(call).promptTokens());
            assertThat(ends.get(call).output().tokenUsage().outputTokenCount())
                    .isEqualTo(requests.get(call).tokensSent());
        }
        assertThat(ends.getFirst().output().finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
        assertThat(ends.getLast().output().finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(only(events, StreamEvent.ChatModelStart.class).getLast().input()).hasSize(3);   // calls, 2 results
        assertThat(((StreamEvent.ChainEnd) events.getLast()).output()).contains("Paris").contains("London");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void cancellingDuringTheAnswerAfterTheToolsClosesItsHttpStream(String provider) {
        var received = new CopyOnWriteArrayList<StreamEvent>();
        var chunks = new AtomicInteger();
        events(provider, QUESTION + " [sim:tokens=1000]").subscribe(new BaseSubscriber<>() {
            @Override
            protected void hookOnNext(StreamEvent event) {
                received.add(event);
                if (event instanceof StreamEvent.ChatModelStream && chunks.incrementAndGet() == 2) {
                    cancel();
                }
            }
        });

        RequestRecord answer = await().atMost(PATIENCE).until(() -> sim.simulator().stats().requests(),
                seen -> seen.size() == 2 && seen.get(1).completionMillis() != null).get(1);
        assertThat(answer.clientDisconnected()).isTrue();
        assertThat(answer.tokensSent()).isLessThan(answer.plannedTokens());
        assertThat(only(received, StreamEvent.ToolEnd.class)).hasSize(2);
        assertThat(received.getLast()).isInstanceOf(StreamEvent.ChatModelStream.class);
    }
}
