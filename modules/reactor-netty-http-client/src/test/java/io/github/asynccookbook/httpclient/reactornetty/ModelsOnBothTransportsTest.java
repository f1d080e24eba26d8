package io.github.asynccookbook.httpclient.reactornetty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import dev.langchain4j.model.mistralai.MistralAiChatModel;
import dev.langchain4j.model.mistralai.MistralAiStreamingChatModel;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * LangChain4j's Gemini and Mistral models on the JDK transport and on Reactor Netty, side by side: every case must
 * end the same way on both, and the simulator's records say what really happened on the wire.
 */
class ModelsOnBothTransportsTest {

    private static final String GEMINI_KEY = "sim-gemini-key";
    private static final String MISTRAL_KEY = "sim-mistral-key";
    private static final String FLASH = "gemini-2.5-flash";
    private static final String MISTRAL = "mistral-small-latest";
    private static final ToolSpecification WEATHER = ToolSpecification.builder()
            .name("get_weather").description("Current weather in a city")
            .parameters(JsonObjectSchema.builder().addStringProperty("city", "City name").required("city").build())
            .build();

    @RegisterExtension
    static final SimulatorExtension SIM = SimulatorExtension.configured(c -> c
            .geminiApiKey(GEMINI_KEY).mistralApiKey(MISTRAL_KEY).stallDuration(Duration.ofSeconds(200)));

    @ParameterizedTest
    @EnumSource(Transport.class)
    void answersSynchronously(Transport transport) {
        ChatResponse gemini = gemini(transport.builder(), GEMINI_KEY, FLASH).chat(ask("Explain tides. [sim:tokens=40]"));
        ChatResponse mistral = mistral(transport.builder(), MISTRAL_KEY, MISTRAL).chat(ask("Explain tides. [sim:tokens=40]"));

        assertThat(gemini.tokenUsage().outputTokenCount()).isEqualTo(40);
        assertThat(mistral.tokenUsage().outputTokenCount()).isEqualTo(40);
        assertThat(gemini.aiMessage().text()).isNotBlank();
        assertThat(mistral.aiMessage().text()).isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void streamsPartialsThatAddUpToTheAnswer(Transport transport) throws Exception {
        for (StreamingChatModel model : List.of(geminiStreaming(transport.builder(), GEMINI_KEY, FLASH),
                mistralStreaming(transport.builder(), MISTRAL_KEY, MISTRAL))) {
            Capture capture = new Capture();
            model.chat(ask("Describe a forest at dawn. [sim:tokens=150]"), capture);
            ChatResponse response = capture.done.get(30, TimeUnit.SECONDS);

            assertThat(capture.partials).hasSizeGreaterThan(1);
            assertThat(String.join("", capture.partials)).isEqualTo(response.aiMessage().text());
            assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(150);
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void streamsToolCalls(Transport transport) throws Exception {
        for (StreamingChatModel model : List.of(geminiStreaming(transport.builder(), GEMINI_KEY, FLASH),
                mistralStreaming(transport.builder(), MISTRAL_KEY, MISTRAL))) {
            Capture capture = new Capture();
            model.chat(ChatRequest.builder().messages(UserMessage.from("What is the weather in Paris?"))
                    .toolSpecifications(WEATHER).build(), capture);
            ChatResponse response = capture.done.get(30, TimeUnit.SECONDS);

            assertThat(response.aiMessage().toolExecutionRequests()).isNotEmpty()
                    .allSatisfy(call -> assertThat(call.name()).isEqualTo("get_weather"));
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void mapsEachErrorStatusToTheSameExceptionType(Transport transport) {
        // Gemini answers a wrong key with 400 API_KEY_INVALID, Mistral with 401.
        assertThatThrownBy(() -> gemini(transport.builder(), "wrong", FLASH).chat(ask("hi")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("API_KEY_INVALID");
        assertThatThrownBy(() -> mistral(transport.builder(), "wrong", MISTRAL).chat(ask("hi")))
                .isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> gemini(transport.builder(), GEMINI_KEY, "no-such-model").chat(ask("hi")))
                .isInstanceOf(ModelNotFoundException.class);
        assertThatThrownBy(() -> mistral(transport.builder(), MISTRAL_KEY, "no-such-model").chat(ask("hi")))
                .isInstanceOf(InvalidRequestException.class);
        for (var fault : List.of("429", "500", "503")) {
            Class<?> expected = fault.equals("429") ? RateLimitException.class : InternalServerException.class;
            assertThatThrownBy(() -> gemini(transport.builder(), GEMINI_KEY, FLASH).chat(ask("[sim:fault=" + fault + "]")))
                    .isInstanceOf(expected);
            assertThatThrownBy(() -> mistral(transport.builder(), MISTRAL_KEY, MISTRAL).chat(ask("[sim:fault=" + fault + "]")))
                    .isInstanceOf(expected);
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void streamedErrorsReachOnErrorWithTheSameType(Transport transport) throws Exception {
        for (var fault : List.of("429", "500", "503")) {
            Capture capture = new Capture();
            mistralStreaming(transport.builder(), MISTRAL_KEY, MISTRAL).chat(ask("[sim:fault=" + fault + "]"), capture);
            Class<?> expected = fault.equals("429") ? RateLimitException.class : InternalServerException.class;
            assertThat(failureOf(capture)).isInstanceOf(expected);
        }
        Capture dropped = new Capture();
        geminiStreaming(transport.builder(), GEMINI_KEY, FLASH)
                .chat(ask("Tell a story. [sim:tokens=200] [sim:fault=drop-stream]"), dropped);
        assertThat(failureOf(dropped)).isNotNull();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void readTimeoutEndsAStalledCallAsTimeoutException(Transport transport) {
        HttpClientBuilder shortTimeout = transport.builder().readTimeout(Duration.ofMillis(500));
        assertThatThrownBy(() -> gemini(shortTimeout, GEMINI_KEY, FLASH).chat(ask("[sim:fault=stall-headers]")))
                .isInstanceOf(TimeoutException.class);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void cancellingAStreamClosesItsConnection(Transport transport) throws Exception {
        int before = SIM.simulator().stats().requests(MISTRAL).size();
        var closed = new CompletableFuture<Void>();
        var partials = new CopyOnWriteArrayList<String>();
        mistralStreaming(transport.builder(), MISTRAL_KEY, MISTRAL).chat(ask("A long story. [sim:tokens=2000]"),
                new StreamingChatResponseHandler() {
                    @Override
                    public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                        partials.add(partial.text());
                        context.streamingHandle().cancel();
                        closed.complete(null);
                    }

                    @Override
                    public void onCompleteResponse(ChatResponse response) {
                        closed.completeExceptionally(new AssertionError("completed although cancelled"));
                    }

                    @Override
                    public void onError(Throwable error) {
                        closed.completeExceptionally(error);
                    }
                });
        closed.get(30, TimeUnit.SECONDS);

        RequestRecord record = awaitCompletion(MISTRAL, before);
        assertThat(record.clientDisconnected()).isTrue();
        assertThat(record.tokensSent()).isLessThan(2000);
    }

    static RequestRecord awaitCompletion(String model, int before) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            List<RequestRecord> records = SIM.simulator().stats().requests(model);
            if (records.size() > before && records.get(before).completionMillis() != null) {
                return records.get(before);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the simulator never saw the request end");
    }

    private static Throwable failureOf(Capture capture) throws InterruptedException, java.util.concurrent.TimeoutException {
        try {
            capture.done.get(30, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    private static ChatRequest ask(String text) {
        return ChatRequest.builder().messages(UserMessage.from(text)).build();
    }

    static ChatModel gemini(HttpClientBuilder http, String key, String model) {
        return GoogleAiGeminiChatModel.builder().httpClientBuilder(http).baseUrl(SIM.simulator().geminiBaseUrl())
                .apiKey(key).modelName(model).maxRetries(0).build();
    }

    static StreamingChatModel geminiStreaming(HttpClientBuilder http, String key, String model) {
        return GoogleAiGeminiStreamingChatModel.builder().httpClientBuilder(http)
                .baseUrl(SIM.simulator().geminiBaseUrl()).apiKey(key).modelName(model).build();
    }

    static ChatModel mistral(HttpClientBuilder http, String key, String model) {
        return MistralAiChatModel.builder().httpClientBuilder(http).baseUrl(SIM.simulator().mistralBaseUrl())
                .apiKey(key).modelName(model).maxRetries(0).build();
    }

    static StreamingChatModel mistralStreaming(HttpClientBuilder http, String key, String model) {
        return MistralAiStreamingChatModel.builder().httpClientBuilder(http)
                .baseUrl(SIM.simulator().mistralBaseUrl()).apiKey(key).modelName(model).build();
    }

    /** Collects a streamed chat: its partials, then the response or the error. */
    static final class Capture implements StreamingChatResponseHandler {
        final List<String> partials = new CopyOnWriteArrayList<>();
        final CompletableFuture<ChatResponse> done = new CompletableFuture<>();

        @Override
        public void onPartialResponse(String partial) {
            partials.add(partial);
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            done.complete(response);
        }

        @Override
        public void onError(Throwable error) {
            done.completeExceptionally(error);
        }
    }
}
