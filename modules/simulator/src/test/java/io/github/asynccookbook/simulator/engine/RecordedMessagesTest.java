package io.github.asynccookbook.simulator.engine;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.mistralai.MistralAiChatModel;
import dev.langchain4j.service.AiServices;
import io.github.asynccookbook.simulator.MessageRecord;
import io.github.asynccookbook.simulator.MessageRecord.Role;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The messages each request carried and the tool calls each reply made, recorded for both providers. */
class RecordedMessagesTest {

    @RegisterExtension
    static SimulatorExtension sim = new SimulatorExtension();

    interface Assistant {
        String answer(String question);
    }

    static final class WeatherTools {
        final List<String> cities = new CopyOnWriteArrayList<>();

        @Tool("Current weather in a city")
        String weather(@P("the city") String city) {
            cities.add(city);
            return "Sunny in " + city;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void recordsTheToolCallsSentAndTheResultsThatCameBack(String provider) {
        var tools = new WeatherTools();
        Assistant assistant = AiServices.builder(Assistant.class).chatModel(model(provider)).tools(tools).build();

        assistant.answer("What is the weather in Lyon and Nice?");

        List<RequestRecord> requests = sim.simulator().stats().requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).messages()).extracting(MessageRecord::role).containsExactly(Role.USER);
        assertThat(requests.get(0).toolCalls()).extracting(MessageRecord::arguments)
                .containsExactly(Map.of("city", "Lyon"), Map.of("city", "Nice"));
        assertThat(tools.cities).containsExactly("Lyon", "Nice");
        RequestRecord second = requests.get(1);
        assertThat(second.toolCalls()).isEmpty();
        assertThat(second.messages(Role.TOOL_CALL)).extracting(MessageRecord::arguments)
                .containsExactly(Map.of("city", "Lyon"), Map.of("city", "Nice"));
        assertThat(second.messages(Role.TOOL_RESULT)).extracting(MessageRecord::text)
                .containsExactly("Sunny in Lyon", "Sunny in Nice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void toolLoopDirectiveKeepsCallingUntilTheClientStops(String provider) {
        var tools = new WeatherTools();
        Assistant assistant = AiServices.builder(Assistant.class).chatModel(model(provider)).tools(tools)
                .maxToolCallingRoundTrips(3).build();

        assertThatThrownBy(() -> assistant.answer("What is the weather in Lyon? [sim:tool-loop]"))
                .hasMessageContaining("exceeded 3 tool calling round trips");

        List<RequestRecord> requests = sim.simulator().stats().requests();
        assertThat(requests).hasSize(4).allSatisfy(request -> assertThat(request.toolCalls()).hasSize(1));
        assertThat(tools.cities).containsExactly("Lyon", "Lyon", "Lyon");
        assertThat(requests.getLast().messages(Role.TOOL_RESULT)).hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void cutsLongTextsInTheRecord(String provider) {
        model(provider).chat("x".repeat(5_000) + " why?");

        MessageRecord user = sim.simulator().stats().requests().getFirst().messages().getFirst();
        assertThat(user.text()).hasSize(MessageRecord.MAX_TEXT + 1).endsWith("…");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void aConnectedSimulatorReadsTheSameRecordsOverHttp(String provider) {
        Assistant assistant = AiServices.builder(Assistant.class).chatModel(model(provider))
                .tools(new WeatherTools()).build();
        assistant.answer("What is the weather in Lyon?");

        try (var remote = io.github.asynccookbook.simulator.Simulator.connect(sim.simulator().baseUrl())) {
            assertThat(remote.stats().requests()).extracting(RequestRecord::messages, RequestRecord::toolCalls)
                    .isEqualTo(sim.simulator().stats().requests().stream()
                            .map(r -> org.assertj.core.groups.Tuple.tuple(r.messages(), r.toolCalls())).toList());
        }
    }

    private static ChatModel model(String provider) {
        return provider.equals("gemini")
                ? GoogleAiGeminiChatModel.builder().baseUrl(sim.simulator().geminiBaseUrl()).apiKey("any")
                .modelName("gemini-2.5-flash").build()
                : MistralAiChatModel.builder().baseUrl(sim.simulator().mistralBaseUrl()).apiKey("any")
                .modelName("mistral-small-latest").build();
    }
}
