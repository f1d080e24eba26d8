package io.github.asynccookbook.simulator.mistral;

import io.github.asynccookbook.simulator.ModelProfile;
import io.github.asynccookbook.simulator.ModelProfiles;
import io.github.asynccookbook.simulator.Protocol;
import io.github.asynccookbook.simulator.content.Tokens;
import io.github.asynccookbook.simulator.conversation.Conversation;
import io.github.asynccookbook.simulator.conversation.FinishReason;
import io.github.asynccookbook.simulator.conversation.Reply;
import io.github.asynccookbook.simulator.conversation.TokenizedText;
import io.github.asynccookbook.simulator.conversation.ToolCall;
import io.github.asynccookbook.simulator.conversation.ToolChoice;
import io.github.asynccookbook.simulator.protocol.ApiError;
import io.github.asynccookbook.simulator.protocol.ChatCall;
import io.github.asynccookbook.simulator.protocol.Chunk;
import io.github.asynccookbook.simulator.protocol.HttpReply;
import io.github.asynccookbook.simulator.protocol.InboundRequest;
import io.github.asynccookbook.simulator.protocol.ResponseMeta;
import io.github.asynccookbook.simulator.protocol.StreamFrames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.github.asynccookbook.simulator.mistral.MistralRequestParsingTest.assertReply;
import static io.github.asynccookbook.simulator.mistral.MistralRequestParsingTest.body;
import static org.assertj.core.api.Assertions.assertThat;

class MistralRenderingTest {

    private static final String ID = "5319bd0299614c679a0068a4f2c8ffd0";
    private static final ResponseMeta META = new ResponseMeta(ID, 1769088720,
            Map.of("x-ratelimit-limit-req-minute", "60", "x-ratelimit-remaining-req-minute", "59"));
    private static final ChatCall CALL = new ChatCall(Protocol.MISTRAL, "mistral-small-latest", true, false, null,
            new Conversation("", List.of(), List.of(), ToolChoice.AUTO, null), null);
    private static final Reply TEXT = new Reply(Tokens.tokenize("Hello, world"), List.of(), FinishReason.STOP, 13);
    private static final Reply TOOL = new Reply(TokenizedText.EMPTY,
            List.of(new ToolCall("gSIMJiOkT", "weather", Map.of("location", "San Francisco", "days", 2))),
            FinishReason.TOOL_CALLS, 124);
    private static final String CHUNK_PREFIX = "data: {\"id\":\"" + ID
            + "\",\"object\":\"chat.completion.chunk\",\"created\":1769088720,\"model\":\"mistral-small-latest\",";

    private final MistralProtocol protocol = new MistralProtocol(Clock.fixed(Instant.ofEpochSecond(1760000000), ZoneOffset.UTC));

    @Test
    void unaryTextAnswerInRecordedKeyOrder() {
        HttpReply reply = protocol.unary(CALL, TEXT, META);

        assertReply(reply, 200, """
                {"id":"5319bd0299614c679a0068a4f2c8ffd0","created":1769088720,"model":"mistral-small-latest",\
                "usage":{"prompt_tokens":13,"total_tokens":16,"completion_tokens":3},"object":"chat.completion",\
                "choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","tool_calls":null,\
                "content":"Hello, world"}}]}""");
        assertThat(reply.headers()).containsAllEntriesOf(META.rateLimitHeaders())
                .containsKey("mistral-correlation-id");
        assertThat(reply.headers().get("mistral-correlation-id"))
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void unaryToolCallCarriesArgumentsAsAJsonString() {
        HttpReply reply = protocol.unary(CALL, TOOL, META);

        int completion = TOOL.outputTokens();
        assertReply(reply, 200, """
                {"id":"5319bd0299614c679a0068a4f2c8ffd0","created":1769088720,"model":"mistral-small-latest",\
                "usage":{"prompt_tokens":124,"total_tokens":%d,"completion_tokens":%d},"object":"chat.completion",\
                "choices":[{"index":0,"finish_reason":"tool_calls","message":{"role":"assistant","tool_calls":\
                [{"id":"gSIMJiOkT","type":"function","index":0,"function":{"name":"weather",\
                "arguments":"{\\"days\\": 2, \\"location\\": \\"San Francisco\\"}"}}],"content":""}}]}"""
                .formatted(124 + completion, completion));
    }

    @Test
    void streamOpensWithTheRoleAndClosesWithUsageThenDone() {
        StreamFrames frames = protocol.stream(CALL, TEXT, META,
                List.of(new Chunk(0, 1, true, false), new Chunk(1, 3, false, true)));

        assertThat(frames.contentType()).isEqualTo("text/event-stream");
        assertThat(frames.headers()).containsAllEntriesOf(META.rateLimitHeaders()).containsKey("mistral-correlation-id");
        assertThat(frames.perChunk()).containsExactly(
                CHUNK_PREFIX + """
                        "choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null,"logprobs":null}]}

                        """
                        + CHUNK_PREFIX + """
                        "choices":[{"index":0,"delta":{"content":"Hello"},"finish_reason":null,"logprobs":null}]}

                        """,
                CHUNK_PREFIX + """
                        "choices":[{"index":0,"delta":{"content":", world"},"finish_reason":null,"logprobs":null}]}

                        """
                        + CHUNK_PREFIX + """
                        "choices":[{"index":0,"delta":{"content":""},"finish_reason":"stop","logprobs":null}],\
                        "usage":{"prompt_tokens":13,"total_tokens":16,"completion_tokens":3}}

                        """);
        assertThat(frames.trailer()).isEqualTo("data: [DONE]\n\n");
    }

    @Test
    void singleChunkStreamHoldsOpenerTextAndClosing() {
        StreamFrames frames = protocol.stream(CALL, TEXT, META, List.of(new Chunk(0, 3, true, true)));

        assertThat(frames.perChunk()).singleElement().satisfies(frame -> {
            assertThat(frame.split("\n\n")).hasSize(3).allMatch(event -> event.startsWith(CHUNK_PREFIX));
            assertThat(frame).contains("\"delta\":{\"content\":\"Hello, world\"}").endsWith("}\n\n");
        });
    }

    @Test
    void streamedToolCallsArriveWholeInOneDelta() {
        StreamFrames frames = protocol.stream(CALL, TOOL, META, List.of(new Chunk(0, 0, true, true)));

        int completion = TOOL.outputTokens();
        assertThat(frames.perChunk()).containsExactly(
                CHUNK_PREFIX + """
                        "choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null,"logprobs":null}]}

                        """
                        + CHUNK_PREFIX + """
                        "choices":[{"index":0,"delta":{"content":null,"tool_calls":[{"id":"gSIMJiOkT",\
                        "function":{"name":"weather","arguments":"{\\"days\\": 2, \\"location\\": \\"San Francisco\\"}"},\
                        "index":0}]},"finish_reason":"tool_calls","logprobs":null}],\
                        "usage":{"prompt_tokens":124,"total_tokens":%d,"completion_tokens":%d}}

                        """.formatted(124 + completion, completion));
        assertThat(frames.trailer()).isEqualTo("data: [DONE]\n\n");
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of(ApiError.of(ApiError.Kind.MISSING_KEY, null), 401, "{\"detail\":\"Unauthorized\"}"),
                Arguments.of(ApiError.of(ApiError.Kind.INVALID_KEY, null), 401, "{\"detail\":\"Unauthorized\"}"),
                Arguments.of(ApiError.of(ApiError.Kind.MODEL_NOT_FOUND, "mistral-tiny-9"), 400,
                        "{\"object\":\"error\",\"message\":\"Invalid model: mistral-tiny-9\",\"type\":\"invalid_model\","
                                + "\"param\":null,\"code\":\"1500\",\"raw_status_code\":400}"),
                Arguments.of(ApiError.rateLimited("mistral-small-latest", ApiError.Quota.REQUESTS_PER_WINDOW, 1,
                                Duration.ofSeconds(1)), 429,
                        "{\"object\":\"error\",\"message\":\"Rate limit exceeded\",\"type\":\"rate_limited\","
                                + "\"param\":null,\"code\":\"1300\",\"raw_status_code\":429}"),
                Arguments.of(ApiError.of(ApiError.Kind.INTERNAL, null), 500,
                        "{\"object\":\"error\",\"message\":\"Internal server error\",\"type\":\"internal_server_error\","
                                + "\"param\":null,\"code\":null,\"raw_status_code\":500}"),
                Arguments.of(ApiError.of(ApiError.Kind.OVERLOADED, null), 503,
                        "{\"object\":\"error\",\"message\":\"Service unavailable\",\"type\":\"service_unavailable\","
                                + "\"param\":null,\"code\":null,\"raw_status_code\":503}"),
                Arguments.of(ApiError.of(ApiError.Kind.NOT_FOUND, "/v1/nope"), 404, "{\"detail\":\"Not Found\"}"),
                Arguments.of(ApiError.of(ApiError.Kind.INVALID_REQUEST, "Unknown X-Sim-Fault value 'x'."), 400,
                        "{\"object\":\"error\",\"message\":\"Unknown X-Sim-Fault value 'x'.\","
                                + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":null,"
                                + "\"raw_status_code\":400}"));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void errorBodies(ApiError error, int status, String body) {
        assertReply(protocol.error(error, "v1"), status, body);
    }

    @Test
    void countTokensIsNotARoute() {
        ModelProfile small = ModelProfiles.defaults().get("mistral-small-latest");
        var request = new InboundRequest("POST", "/v1/models/mistral-small-latest:countTokens", Map.of(), Map.of(),
                new byte[0]);

        assertReply(protocol.countTokens(request, small), 404, "{\"detail\":\"Not Found\"}");
    }

    @Test
    void modelListHoldsOnlyMistralCards() {
        var request = new InboundRequest("GET", "/v1/models", Map.of(), Map.of(), new byte[0]);
        var models = ModelProfiles.defaults().values().stream()
                .sorted(java.util.Comparator.comparing(ModelProfile::id)).toList();

        String body = body(protocol.listModels(models, request));

        assertThat(body).startsWith("{\"object\":\"list\",\"data\":[{\"id\":\"codestral-2508\",")
                .doesNotContain("gemini");
        assertThat(body.split("\"object\":\"model\"")).hasSize(1 + (int) models.stream()
                .filter(model -> model.protocol() == io.github.asynccookbook.simulator.Protocol.MISTRAL).count());
    }

    @Test
    void modelCardHasTheSchemaFieldsInOrder() {
        ModelProfile small = ModelProfiles.defaults().get("mistral-small-latest");

        assertReply(protocol.getModel(small, ModelProfiles.defaults().values()), 200, """
                {"id":"mistral-small-latest","object":"model","created":1760000000,"owned_by":"mistralai",\
                "capabilities":{"completion_chat":true,"function_calling":true,"reasoning":false,\
                "completion_fim":false,"fine_tuning":false,"vision":false,"ocr":false,"classification":false,\
                "moderation":false,"audio":false},"name":"mistral-small-2506","description":"Mistral Small, simulated",\
                "max_context_length":131072,"aliases":["mistral-small-2506"],"deprecation":null,\
                "deprecation_replacement_model":null,"default_model_temperature":0.3,"type":"base"}""");
    }
}
