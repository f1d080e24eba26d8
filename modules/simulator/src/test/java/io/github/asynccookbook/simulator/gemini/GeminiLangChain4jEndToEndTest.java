package io.github.asynccookbook.simulator.gemini;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.catalog.ModelDescription;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiModelCatalog;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiTokenCountEstimator;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.service.AiServices;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.content.Tokens;
import io.github.asynccookbook.simulator.conversation.Conversation;
import io.github.asynccookbook.simulator.conversation.Turn;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** LangChain4j 1.18.1's own Gemini clients against the simulator: the proof that official clients accept it. */
class GeminiLangChain4jEndToEndTest {

    private static final String KEY = "sim-gemini-key";
    private static final String FLASH = "gemini-2.5-flash";
    private static final ToolSpecification WEATHER = ToolSpecification.builder()
            .name("get_weather").description("Current weather in a city")
            .parameters(JsonObjectSchema.builder().addStringProperty("city", "City name").required("city").build())
            .build();

    @RegisterExtension
    static final SimulatorExtension SIM = SimulatorExtension.configured(c -> c.geminiApiKey(KEY));

    @Test
    void chatsAndReportsTheTokensTheSimulatorCounted() {
        ChatResponse response = chatModel(KEY, FLASH).chat(ChatRequest.builder()
                .messages(UserMessage.from("Explain ocean tides. [sim:tokens=40]")).build());

        RequestRecord record = onlyRecord();
        assertThat(response.aiMessage().text()).isNotBlank();
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.modelName()).isEqualTo(FLASH);
        assertThat(response.id()).hasSize(23);
        assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(record.promptTokens());
        assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(40).isEqualTo(record.tokensSent());
    }

    @Test
    void streamsPartialsThatAddUpToTheAnswer() throws Exception {
        var partials = new CopyOnWriteArrayList<String>();
        ChatResponse response = stream(streamingModel(KEY, FLASH), ChatRequest.builder()
                .messages(UserMessage.from("Describe a forest at dawn. [sim:tokens=150]")).build(), partials, null);

        assertThat(partials).hasSizeGreaterThan(1);
        assertThat(String.join("", partials)).isEqualTo(response.aiMessage().text());
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(150).isEqualTo(onlyRecord().tokensSent());
    }

    @Test
    void reportsLengthWhenMaxOutputTokensCutsTheAnswer() {
        ChatModel model = GoogleAiGeminiChatModel.builder().baseUrl(SIM.simulator().geminiBaseUrl()).apiKey(KEY)
                .modelName(FLASH).maxRetries(0).maxOutputTokens(12).build();

        ChatResponse response = model.chat(ChatRequest.builder()
                .messages(UserMessage.from("Write a long essay. [sim:tokens=200]")).build());

        assertThat(response.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(12);
    }

    @Test
    void callsADeclaredToolUnary() {
        ChatResponse response = chatModel(KEY, FLASH).chat(toolRequest());

        assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
        assertThat(response.aiMessage().toolExecutionRequests()).singleElement().satisfies(call -> {
            assertThat(call.name()).isEqualTo("get_weather");
            assertThat(call.arguments()).contains("\"city\"");
        });
    }

    @Test
    void callsADeclaredToolStreaming() throws Exception {
        var toolCalls = new CopyOnWriteArrayList<ToolExecutionRequest>();
        ChatResponse response = stream(streamingModel(KEY, FLASH), toolRequest(), new CopyOnWriteArrayList<>(), toolCalls);

        assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
        assertThat(toolCalls).singleElement().extracting(ToolExecutionRequest::name).isEqualTo("get_weather");
        assertThat(response.aiMessage().toolExecutionRequests()).isEqualTo(toolCalls);
    }

    @Test
    void runsAToolEndToEndThroughAnAiService() {
        var tools = new WeatherTools();
        Assistant assistant = AiServices.builder(Assistant.class).chatModel(chatModel(KEY, FLASH)).tools(tools).build();

        String answer = assistant.chat("What is the weather in Paris today?");

        assertThat(tools.cities).isNotEmpty();
        assertThat(answer).isNotBlank();
        assertThat(SIM.simulator().stats().model(FLASH).count(200)).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource({"500, INTERNAL_SERVER", "503, INTERNAL_SERVER", "429, RATE_LIMIT"})
    void mapsForcedFaultsToLangChain4jExceptions(int code, Expected expected) {
        ChatRequest request = ChatRequest.builder().messages(UserMessage.from("Hello [sim:fault=" + code + "]")).build();

        assertThatThrownBy(() -> chatModel(KEY, FLASH).chat(request)).isInstanceOf(expected.type);
        assertThatThrownBy(() -> stream(streamingModel(KEY, FLASH), request, new CopyOnWriteArrayList<>(), null))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(expected.type);
        assertThat(SIM.simulator().stats().model(FLASH).count(code)).isEqualTo(2);
    }

    @Test
    void mapsAnUnknownModelToModelNotFound() {
        assertThatThrownBy(() -> chatModel(KEY, "gemini-9-ultra").chat("Hi")).isInstanceOf(ModelNotFoundException.class)
                .hasMessageContaining("models/gemini-9-ultra is not found for API version v1beta");
    }

    @Test
    void mapsAWrongKeyToInvalidRequestAndNoKeyToAuthentication() {
        assertThatThrownBy(() -> chatModel("not-the-key", FLASH).chat("Hi")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("API_KEY_INVALID");
        assertThatThrownBy(() -> chatModel(null, FLASH).chat("Hi")).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("PERMISSION_DENIED");
    }

    @Test
    void countsTokensWithTheSimulatorsTokenizer() {
        var estimator = GoogleAiGeminiTokenCountEstimator.builder().baseUrl(SIM.simulator().geminiBaseUrl())
                .apiKey(KEY).modelName(FLASH).maxRetries(0).build();
        int ofText = Tokens.count(new Conversation("", List.of(new Turn.User("Hello there, general Kenobi.")),
                List.of(), null, null));

        assertThat(estimator.estimateTokenCountInText("Hello there, general Kenobi.")).isEqualTo(ofText);
        assertThat(estimator.estimateTokenCountInToolSpecifications(List.of(WEATHER))).isPositive();
    }

    @Test
    void listsModelsThroughTheCatalog() {
        var catalog = GoogleAiGeminiModelCatalog.builder().baseUrl(SIM.simulator().geminiBaseUrl()).apiKey(KEY).build();

        assertThat(catalog.listModels()).extracting(ModelDescription::name)
                .containsExactly("gemini-2.0-flash", "gemini-2.0-flash-001", "gemini-2.0-flash-lite",
                        "gemini-2.0-flash-lite-001", "gemini-2.5-flash", "gemini-2.5-flash-lite", "gemini-2.5-pro",
                        "gemini-flash-latest", "gemini-flash-lite-latest", "gemini-pro-latest");
    }

    enum Expected {
        INTERNAL_SERVER(InternalServerException.class), RATE_LIMIT(RateLimitException.class);

        final Class<? extends Exception> type;

        Expected(Class<? extends Exception> type) {
            this.type = type;
        }
    }

    interface Assistant {
        String chat(String message);
    }

    static final class WeatherTools {
        final List<String> cities = new CopyOnWriteArrayList<>();

        @Tool("Current weather in a city")
        String getWeather(@P("City name") String city) {
            cities.add(city);
            return "Sunny and 21 degrees in " + city + ".";
        }
    }

    private static ChatRequest toolRequest() {
        return ChatRequest.builder().messages(UserMessage.from("What is the weather in Paris?"))
                .toolSpecifications(WEATHER).toolChoice(ToolChoice.REQUIRED).build();
    }

    private static ChatModel chatModel(String key, String model) {
        return GoogleAiGeminiChatModel.builder().baseUrl(SIM.simulator().geminiBaseUrl()).apiKey(key)
                .modelName(model).maxRetries(0).build();
    }

    private static StreamingChatModel streamingModel(String key, String model) {
        return GoogleAiGeminiStreamingChatModel.builder().baseUrl(SIM.simulator().geminiBaseUrl()).apiKey(key)
                .modelName(model).build();
    }

    /** Runs one streamed chat to its end; a streamed error surfaces as the future's cause. */
    private static ChatResponse stream(StreamingChatModel model, ChatRequest request, List<String> partials,
                                       List<ToolExecutionRequest> toolCalls) throws Exception {
        var done = new CompletableFuture<ChatResponse>();
        model.chat(request, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                partials.add(partial);
            }

            @Override
            public void onCompleteToolCall(CompleteToolCall call) {
                if (toolCalls != null) {
                    toolCalls.add(call.toolExecutionRequest());
                }
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        return done.get(10, TimeUnit.SECONDS);
    }

    private static RequestRecord onlyRecord() {
        List<RequestRecord> requests = SIM.simulator().stats().requests();
        assertThat(requests).hasSize(1);
        return requests.getFirst();
    }
}
