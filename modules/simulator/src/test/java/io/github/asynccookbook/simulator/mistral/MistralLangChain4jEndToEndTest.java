package io.github.asynccookbook.simulator.mistral;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.catalog.ModelDescription;
import dev.langchain4j.model.mistralai.MistralAiChatModel;
import dev.langchain4j.model.mistralai.MistralAiModelCatalog;
import dev.langchain4j.model.mistralai.MistralAiStreamingChatModel;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.TokenStream;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.Simulator;
import io.github.asynccookbook.simulator.SimulatorConfig;
import io.github.asynccookbook.simulator.Tier;
import io.github.asynccookbook.simulator.content.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** LangChain4j 1.18.1's own Mistral clients against the simulator: what a cookbook chapter relies on. */
class MistralLangChain4jEndToEndTest {

    private static final String MODEL = "mistral-small-latest";
    private static final String KEY = "sk-simulated";
    private static final ToolSpecification WEATHER = ToolSpecification.builder()
            .name("getWeather")
            .description("Current weather in a city")
            .parameters(JsonObjectSchema.builder().addStringProperty("city", "the city").required("city").build())
            .build();

    private static Simulator sim;

    @BeforeAll
    static void start() {
        sim = Simulator.start(SimulatorConfig.defaults().toBuilder()
                .timeScale(0.02).tier(Tier.UNLIMITED).mistralApiKey(KEY).build());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void unaryTextWithUsageAndStop() {
        int before = recordCount();

        ChatResponse response = chatModel(MODEL, KEY).chat(request("Explain why the sky is blue."));

        RequestRecord record = onlyRecordSince(before);
        String text = response.aiMessage().text();
        assertThat(text).isNotBlank();
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.modelName()).isEqualTo(MODEL);
        assertThat(response.id()).matches("[0-9a-f]{32}");
        assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(Tokens.count(text)).isEqualTo(record.plannedTokens());
        assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(record.promptTokens());
        assertThat(record.status()).isEqualTo(200);
    }

    @Test
    void maxOutputTokensCutsTheAnswerWithLength() {
        ChatResponse response = chatModel(MODEL, KEY).chat(ChatRequest.builder()
                .messages(UserMessage.from("Tell me a long story about lighthouses."))
                .maxOutputTokens(5)
                .build());

        assertThat(response.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(5);
        assertThat(Tokens.count(response.aiMessage().text())).isEqualTo(5);
    }

    @Test
    void streamedTextArrivesInPartialsAndCompletes() throws Exception {
        int before = recordCount();
        var capture = new Capture();

        streamingModel(MODEL, KEY).chat(request("Describe a quiet harbour at dawn."), capture);
        ChatResponse response = capture.done.get(30, TimeUnit.SECONDS);

        RequestRecord record = onlyRecordSince(before);
        assertThat(capture.partials).hasSizeGreaterThan(1);
        assertThat(String.join("", capture.partials)).isEqualTo(response.aiMessage().text());
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.tokenUsage().outputTokenCount())
                .isEqualTo(Tokens.count(response.aiMessage().text())).isEqualTo(record.tokensSent());
        assertThat(record.stream()).isTrue();
    }

    @Test
    void toolSpecificationGetsOneWholeCall() {
        ChatResponse response = chatModel(MODEL, KEY).chat(ChatRequest.builder()
                .messages(UserMessage.from("What is the weather in Paris?"))
                .toolSpecifications(WEATHER)
                .build());

        assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
        assertThat(response.aiMessage().toolExecutionRequests()).singleElement().satisfies(call -> {
            assertThat(call.name()).isEqualTo("getWeather");
            assertThat(call.id()).matches("[A-Za-z0-9]{9}");
            assertThat(call.arguments()).contains("\"city\": ");
        });
    }

    @Test
    void streamedToolCallCompletesOnce() throws Exception {
        var capture = new Capture();

        streamingModel(MODEL, KEY).chat(ChatRequest.builder()
                .messages(UserMessage.from("What is the weather in Paris?"))
                .toolSpecifications(WEATHER)
                .build(), capture);
        ChatResponse response = capture.done.get(30, TimeUnit.SECONDS);

        assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
        assertThat(capture.toolCalls).singleElement()
                .extracting(call -> call.toolExecutionRequest().name()).isEqualTo("getWeather");
        assertThat(response.aiMessage().toolExecutionRequests()).extracting(ToolExecutionRequest::id)
                .containsExactly(capture.toolCalls.getFirst().toolExecutionRequest().id());
        assertThat(response.tokenUsage().outputTokenCount()).isPositive();
    }

    interface WeatherAssistant {
        String answer(String question);
    }

    interface StreamingWeatherAssistant {
        TokenStream answer(String question);
    }

    static final class WeatherTools {
        final AtomicInteger calls = new AtomicInteger();

        @Tool("Current weather in a city")
        String weather(@P("the city") String city) {
            calls.incrementAndGet();
            return "Sunny and 21 degrees in " + city + ".";
        }
    }

    @Test
    void aiServiceRunsTheToolThenAnswers() {
        int before = recordCount();
        var tools = new WeatherTools();
        WeatherAssistant assistant = AiServices.builder(WeatherAssistant.class)
                .chatModel(chatModel(MODEL, KEY)).tools(tools).build();

        String answer = assistant.answer("What is the weather in Lyon?");

        assertThat(tools.calls).hasValue(1);
        assertThat(answer).isNotBlank();
        assertThat(recordsSince(before)).hasSize(2).allMatch(record -> record.status() == 200);
    }

    @Test
    void streamingAiServiceRunsTheToolThenStreamsTheAnswer() throws Exception {
        var tools = new WeatherTools();
        StreamingWeatherAssistant assistant = AiServices.builder(StreamingWeatherAssistant.class)
                .streamingChatModel(streamingModel(MODEL, KEY)).tools(tools).build();
        var done = new CompletableFuture<ChatResponse>();
        var text = new StringBuilder();

        assistant.answer("What is the weather in Lyon?")
                .onPartialResponse(text::append)
                .onCompleteResponse(done::complete)
                .onError(done::completeExceptionally)
                .start();
        ChatResponse response = done.get(30, TimeUnit.SECONDS);

        assertThat(tools.calls).hasValue(1);
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(text.toString()).isEqualTo(response.aiMessage().text()).isNotBlank();
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("500", InternalServerException.class),
                Arguments.of("503", InternalServerException.class),
                Arguments.of("429", RateLimitException.class));
    }

    @ParameterizedTest
    @MethodSource("faults")
    void forcedFaultsSurfaceAsLangChain4jExceptions(String code, Class<? extends Exception> expected) throws Exception {
        int before = recordCount();
        ChatRequest request = request("Say hi. [sim:fault=" + code + "]");

        assertThatThrownBy(() -> chatModel(MODEL, KEY).chat(request)).isInstanceOf(expected);

        var capture = new Capture();
        streamingModel(MODEL, KEY).chat(request, capture);
        assertThatThrownBy(() -> capture.done.get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(expected);
        assertThat(recordsSince(before)).extracting(RequestRecord::status)
                .containsExactly(Integer.parseInt(code), Integer.parseInt(code));
    }

    @Test
    void modelCatalogListsTheMistralModels() {
        var catalog = MistralAiModelCatalog.builder().baseUrl(sim.mistralBaseUrl()).apiKey(KEY).build();

        assertThat(catalog.listModels()).extracting(ModelDescription::name)
                .contains("mistral-large-latest", "mistral-medium-latest", MODEL, "open-mistral-nemo",
                        "codestral-latest", "ministral-8b-latest");
    }

    /** Mistral answers an unknown model with a 400, which LangChain4j maps by status alone. */
    @Test
    void unknownModelIsAnInvalidRequest() {
        assertThatThrownBy(() -> chatModel("mistral-imaginary-latest", KEY).chat(request("Hi")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Invalid model: mistral-imaginary-latest");
    }

    @Test
    void wrongKeyIsAuthenticationFailure() {
        assertThatThrownBy(() -> chatModel(MODEL, "sk-wrong").chat(request("Hi")))
                .isInstanceOf(AuthenticationException.class);
    }

    private static ChatRequest request(String prompt) {
        return ChatRequest.builder().messages(UserMessage.from(prompt)).build();
    }

    private static ChatModel chatModel(String model, String key) {
        return MistralAiChatModel.builder()
                .baseUrl(sim.mistralBaseUrl()).apiKey(key).modelName(model).maxRetries(0).build();
    }

    private static StreamingChatModel streamingModel(String model, String key) {
        return MistralAiStreamingChatModel.builder()
                .baseUrl(sim.mistralBaseUrl()).apiKey(key).modelName(model).build();
    }

    private static int recordCount() {
        return sim.stats().requests(MODEL).size();
    }

    private static List<RequestRecord> recordsSince(int before) {
        List<RequestRecord> records = sim.stats().requests(MODEL);
        return records.subList(before, records.size());
    }

    private static RequestRecord onlyRecordSince(int before) {
        List<RequestRecord> records = recordsSince(before);
        assertThat(records).hasSize(1);
        return records.getFirst();
    }

    /** Collects a streamed answer: partial texts, completed tool calls, and the outcome. */
    private static final class Capture implements StreamingChatResponseHandler {
        final List<String> partials = new CopyOnWriteArrayList<>();
        final List<CompleteToolCall> toolCalls = new CopyOnWriteArrayList<>();
        final CompletableFuture<ChatResponse> done = new CompletableFuture<>();

        @Override
        public void onPartialResponse(String partialResponse) {
            partials.add(partialResponse);
        }

        @Override
        public void onCompleteToolCall(CompleteToolCall completeToolCall) {
            toolCalls.add(completeToolCall);
        }

        @Override
        public void onCompleteResponse(ChatResponse completeResponse) {
            done.complete(completeResponse);
        }

        @Override
        public void onError(Throwable error) {
            done.completeExceptionally(error);
        }
    }
}
