package io.github.asynccookbook.simulator.content;

import io.github.asynccookbook.simulator.conversation.Conversation;
import io.github.asynccookbook.simulator.conversation.FinishReason;
import io.github.asynccookbook.simulator.conversation.Reply;
import io.github.asynccookbook.simulator.conversation.TokenizedText;
import io.github.asynccookbook.simulator.conversation.ToolCall;
import io.github.asynccookbook.simulator.conversation.ToolChoice;
import io.github.asynccookbook.simulator.conversation.ToolChoice.Mode;
import io.github.asynccookbook.simulator.conversation.ToolSpec;
import io.github.asynccookbook.simulator.conversation.ToolSpec.Parameter;
import io.github.asynccookbook.simulator.conversation.Turn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyWriterToolTest {

    private static final ToolSpec WEATHER = new ToolSpec("getWeather", "Returns the current weather for a city",
            List.of(new Parameter("city", "string", "the city name", true, null),
                    new Parameter("unit", "string", "temperature unit", false, List.of("celsius", "fahrenheit"))));
    private static final ToolSpec FORECAST = new ToolSpec("get_forecast", "Weather forecast for the coming days",
            List.of(new Parameter("location", "string", "", true, null),
                    new Parameter("days", "integer", "how many days", true, null),
                    new Parameter("detail", "string", "", true, List.of("summary", "hourly"))));
    private static final ToolSpec ADD = new ToolSpec("add", "Adds two numbers",
            List.of(new Parameter("a", "number", "", true, null), new Parameter("b", "number", "", true, null)));
    private static final ToolSpec SEARCH = new ToolSpec("searchWeb", "Searches the web for pages",
            List.of(new Parameter("query", "string", "what to search for", true, null),
                    new Parameter("maxResults", "integer", "", false, null),
                    new Parameter("safe", "boolean", "", false, null)));
    private static final List<ToolSpec> TOOLS = List.of(SEARCH, ADD, FORECAST, WEATHER);

    private final ReplyWriter writer = new ReplyWriter();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "What's the weather in Paris?                       | getWeather",
            "Give me the forecast for Berlin for the next 5 days | get_forecast",
            "Add 2 and 3                                        | add",
            "Search the web for virtual threads                 | searchWeb"})
    void callsTheToolThatMatchesThePrompt(String prompt, String tool) {
        Reply reply = ask(prompt, TOOLS, ToolChoice.AUTO);

        assertThat(reply.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(reply.tokens()).isEqualTo(TokenizedText.EMPTY);
        assertThat(reply.toolCalls()).extracting(ToolCall::name).containsExactly(tool);
    }

    @Test
    void tiesGoToTheFirstDeclaredTool() {
        assertThat(ask("Tell me a joke", TOOLS, ToolChoice.AUTO).toolCalls().getFirst().name())
                .isEqualTo("searchWeb");
    }

    @Test
    void takesTheCityFromThePrompt() {
        assertThat(onlyCall("What's the weather in Paris?", WEATHER).arguments()).isEqualTo(Map.of("city", "Paris"));
        assertThat(onlyCall("Paris weather?", WEATHER).arguments()).isEqualTo(Map.of("city", "Paris"));
        assertThat(onlyCall("How is the weather in New York right now?", WEATHER).arguments())
                .isEqualTo(Map.of("city", "New York"));
    }

    @Test
    void takesNumbersAndEnumValuesFromThePrompt() {
        assertThat(onlyCall("Hourly forecast for Berlin for the next 5 days please", FORECAST).arguments())
                .isEqualTo(Map.of("location", "Berlin", "days", 5L, "detail", "hourly"));
        assertThat(onlyCall("What is 2.5 plus seven?", ADD).arguments()).isEqualTo(Map.of("a", 2.5, "b", 7L));
        assertThat(onlyCall("Weather in Oslo in fahrenheit", WEATHER).arguments())
                .isEqualTo(Map.of("city", "Oslo", "unit", "fahrenheit"));
    }

    @Test
    void fillsRequiredParametersWithDefaultsAndOptionalOnesOnlyWhenOffered() {
        assertThat(onlyCall("Forecast for Rome", FORECAST).arguments())
                .isEqualTo(Map.of("location", "Rome", "days", 1L, "detail", "summary"));
        assertThat(onlyCall("Search the web for \"virtual threads\" and show 3 results", SEARCH).arguments())
                .isEqualTo(Map.of("query", "virtual threads", "maxResults", 3L));
        assertThat(onlyCall("Search for cats, safe results only", SEARCH).arguments())
                .containsEntry("safe", true);
    }

    @Test
    void callsOncePerSubjectWhenThePromptListsSeveral() {
        Reply reply = ask("What's the weather in Paris and London?", List.of(WEATHER), ToolChoice.AUTO);

        assertThat(reply.toolCalls()).extracting(call -> call.arguments().get("city"))
                .containsExactly("Paris", "London");
        assertThat(ask("Weather in New York, Los Angeles and Chicago today", List.of(WEATHER), ToolChoice.AUTO)
                .toolCalls()).extracting(call -> call.arguments().get("city"))
                .containsExactly("New York", "Los Angeles", "Chicago");
    }

    @Test
    void callIdsAreNineDistinctAlphanumericsDerivedFromTheSeed() {
        var conversation = conversation("What's the weather in Paris, Rome and London?", List.of(WEATHER),
                ToolChoice.AUTO);

        List<String> ids = writer.write(conversation, 5, 100, false, 1000).toolCalls().stream()
                .map(ToolCall::id).toList();

        assertThat(ids).hasSize(3).doesNotHaveDuplicates().allMatch(id -> id.matches("[A-Za-z0-9]{9}"));
        assertThat(writer.write(conversation, 5, 100, false, 1000).toolCalls()).extracting(ToolCall::id)
                .isEqualTo(ids);
        assertThat(writer.write(conversation, 6, 100, false, 1000).toolCalls()).extracting(ToolCall::id)
                .isNotEqualTo(ids);
    }

    @Test
    void answersWithTheToolResults() {
        var mistral = new Conversation("", List.of(
                new Turn.User("What's the weather in Paris and London?"),
                new Turn.Assistant("", List.of(new ToolCall("aaaaaaaaa", "getWeather", Map.of("city", "Paris")),
                        new ToolCall("bbbbbbbbb", "getWeather", Map.of("city", "London")))),
                new Turn.ToolResult("bbbbbbbbb", "getWeather", "rainy"),
                new Turn.ToolResult("aaaaaaaaa", "getWeather", "sunny")), List.of(WEATHER), ToolChoice.AUTO, null);

        Reply reply = writer.write(mistral, 1, 60, false, 1000);

        assertThat(reply.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(reply.toolCalls()).isEmpty();
        assertThat(reply.text()).startsWith("The weather in London is rainy. The weather in Paris is sunny.");
    }

    @Test
    void matchesGeminiResultsToCallsByName() {
        var gemini = new Conversation("", List.of(
                new Turn.User("What is 2 plus 3?"),
                new Turn.Assistant("", List.of(new ToolCall("xxxxxxxxx", "add", Map.of("a", 2L, "b", 3L)))),
                new Turn.ToolResult(null, "add", "5")), List.of(ADD), new ToolChoice(Mode.REQUIRED, Set.of()), null);

        assertThat(writer.write(gemini, 1, 40, false, 1000).text())
                .startsWith("Here is what add returned for 2 and 3: 5.");
    }

    @Test
    void quotesStructuredResultsAndSaysWhenAToolReturnedNothing() {
        var conversation = new Conversation("", List.of(
                new Turn.User("Weather in Oslo and Bergen?"),
                new Turn.Assistant("", List.of(new ToolCall("aaaaaaaaa", "getWeather", Map.of("city", "Oslo")),
                        new ToolCall("bbbbbbbbb", "getWeather", Map.of("city", "Bergen")))),
                new Turn.ToolResult("aaaaaaaaa", "getWeather", "{\"temperature\": 3,\n \"sky\": \"snow\"}"),
                new Turn.ToolResult("bbbbbbbbb", "getWeather", " ")), List.of(), ToolChoice.AUTO, null);

        assertThat(writer.write(conversation, 1, 60, false, 1000).text()).startsWith(
                "Here is what getWeather returned for Oslo: {\"temperature\": 3, \"sky\": \"snow\"}. "
                        + "The getWeather call returned no data.");
    }

    @Test
    void modeNoneAnswersWithText() {
        Reply reply = ask("What's the weather in Paris?", TOOLS, new ToolChoice(Mode.NONE, Set.of()));

        assertThat(reply.toolCalls()).isEmpty();
        assertThat(reply.text()).contains("weather in Paris");
    }

    @Test
    void requiredModeCallsOnlyAllowedTools() {
        Reply reply = ask("What's the weather in Paris?", TOOLS, new ToolChoice(Mode.REQUIRED, Set.of("add")));

        assertThat(reply.toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.name()).isEqualTo("add");
            assertThat(call.arguments()).isEqualTo(Map.of("a", 1L, "b", 1L));
        });
        assertThat(ask("What's the weather in Paris?", TOOLS, new ToolChoice(Mode.AUTO, Set.of("getWeather",
                "searchWeb"))).toolCalls()).extracting(ToolCall::name).containsExactly("getWeather");
    }

    @Test
    void answersWithTextWhenNoDeclaredToolIsAllowed() {
        Reply reply = ask("What's the weather in Paris?", TOOLS, new ToolChoice(Mode.REQUIRED, Set.of("unknown")));

        assertThat(reply.isToolCall()).isFalse();
        assertThat(reply.text()).isNotBlank();
    }

    private ToolCall onlyCall(String prompt, ToolSpec tool) {
        List<ToolCall> calls = ask(prompt, List.of(tool), ToolChoice.AUTO).toolCalls();
        assertThat(calls).hasSize(1);
        return calls.getFirst();
    }

    private Reply ask(String prompt, List<ToolSpec> tools, ToolChoice choice) {
        return writer.write(conversation(prompt, tools, choice), 3, 80, false, 1000);
    }

    private static Conversation conversation(String prompt, List<ToolSpec> tools, ToolChoice choice) {
        return new Conversation("", List.of(new Turn.User(prompt)), tools, choice, null);
    }
}
