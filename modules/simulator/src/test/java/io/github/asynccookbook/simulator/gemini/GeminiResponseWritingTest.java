package io.github.asynccookbook.simulator.gemini;

import dev.langchain4j.http.client.sse.DefaultServerSentEventParser;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import io.github.asynccookbook.simulator.Protocol;
import io.github.asynccookbook.simulator.content.Tokens;
import io.github.asynccookbook.simulator.conversation.Conversation;
import io.github.asynccookbook.simulator.conversation.FinishReason;
import io.github.asynccookbook.simulator.conversation.Reply;
import io.github.asynccookbook.simulator.conversation.TokenizedText;
import io.github.asynccookbook.simulator.conversation.ToolCall;
import io.github.asynccookbook.simulator.conversation.Turn;
import io.github.asynccookbook.simulator.protocol.ChatCall;
import io.github.asynccookbook.simulator.protocol.Chunk;
import io.github.asynccookbook.simulator.protocol.HttpReply;
import io.github.asynccookbook.simulator.protocol.ResponseMeta;
import io.github.asynccookbook.simulator.protocol.StreamFrames;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GeminiResponseWritingTest {

    private static final ResponseMeta META = new ResponseMeta("kvU9auqbCdCf0-kPvcfluQE", 0, Map.of());
    private static final Reply PONG = new Reply(Tokens.tokenize("Pong! Ready"), List.of(), FinishReason.STOP, 2);
    private static final Reply WEATHER_CALL = new Reply(TokenizedText.EMPTY,
            List.of(new ToolCall(null, "get_weather", Map.of("city", "Paris"))), FinishReason.TOOL_CALLS, 5);

    private final GeminiProtocol protocol = new GeminiProtocol();

    @Test
    void writesAUnaryAnswerAsGooglePrettyPrintsIt() {
        HttpReply reply = protocol.unary(call(false, false), PONG, META);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).isEqualTo("application/json; charset=UTF-8");
        assertThat(reply.headers()).containsEntry("x-content-type-options", "nosniff")
                .containsEntry("vary", "Origin, X-Origin, Referer").containsKey("server").doesNotContainKey("retry-after");
        assertThat(body(reply)).isEqualTo("""
                {
                  "candidates": [
                    {
                      "content": {
                        "parts": [
                          {
                            "text": "Pong! Ready"
                          }
                        ],
                        "role": "model"
                      },
                      "finishReason": "STOP",
                      "index": 0
                    }
                  ],
                  "usageMetadata": {
                    "promptTokenCount": 2,
                    "candidatesTokenCount": 3,
                    "totalTokenCount": 5,
                    "promptTokensDetails": [
                      {
                        "modality": "TEXT",
                        "tokenCount": 2
                      }
                    ]
                  },
                  "modelVersion": "gemini-2.5-flash",
                  "responseId": "kvU9auqbCdCf0-kPvcfluQE"
                }
                """);
    }

    @Test
    void writesToolCallsAsFunctionCallPartsFinishingWithStop() {
        var withId = new Reply(TokenizedText.EMPTY, List.of(new ToolCall("c1", "get_weather", Map.of("city", "Paris"))),
                FinishReason.TOOL_CALLS, 5);

        String body = body(protocol.unary(call(false, false), withId, META));

        assertThat(body).doesNotContain("c1");

        assertThat(body).contains("""
                        "parts": [
                          {
                            "functionCall": {
                              "name": "get_weather",
                              "args": {
                                "city": "Paris"
                              }
                            }
                          }
                        ],
                """).contains("\"finishReason\": \"STOP\"").doesNotContain("\"text\"");
    }

    @Test
    void reportsACutAnswerAsMaxTokens() {
        var cut = new Reply(Tokens.tokenize("Once upon"), List.of(), FinishReason.LENGTH, 4);

        assertThat(body(protocol.unary(call(false, false), cut, META))).contains("\"finishReason\": \"MAX_TOKENS\"");
    }

    @Test
    void streamsSseEventsOnOneLineWithCumulativeUsage() {
        StreamFrames frames = protocol.stream(call(true, false), PONG, META,
                List.of(new Chunk(0, 2, true, false), new Chunk(2, 3, false, true)));

        assertThat(frames.contentType()).isEqualTo("text/event-stream");
        assertThat(frames.trailer()).isEmpty();
        assertThat(frames.perChunk()).containsExactly(
                "data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"Pong!\"}],\"role\": \"model\"},\"index\": 0}],"
                        + "\"usageMetadata\": {\"promptTokenCount\": 2,\"candidatesTokenCount\": 2,\"totalTokenCount\": 4,"
                        + "\"promptTokensDetails\": [{\"modality\": \"TEXT\",\"tokenCount\": 2}]},"
                        + "\"modelVersion\": \"gemini-2.5-flash\",\"responseId\": \"kvU9auqbCdCf0-kPvcfluQE\"}\r\n\r\n",
                "data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \" Ready\"}],\"role\": \"model\"},"
                        + "\"finishReason\": \"STOP\",\"index\": 0}],"
                        + "\"usageMetadata\": {\"promptTokenCount\": 2,\"candidatesTokenCount\": 3,\"totalTokenCount\": 5,"
                        + "\"promptTokensDetails\": [{\"modality\": \"TEXT\",\"tokenCount\": 2}]},"
                        + "\"modelVersion\": \"gemini-2.5-flash\",\"responseId\": \"kvU9auqbCdCf0-kPvcfluQE\"}\r\n\r\n");
    }

    @Test
    void langChain4jsSseParserSeesOneEventPerChunk() {
        StreamFrames frames = protocol.stream(call(true, false), PONG, META,
                List.of(new Chunk(0, 1, true, false), new Chunk(1, 2, false, false), new Chunk(2, 3, false, true)));
        var events = new ArrayList<ServerSentEvent>();

        String wire = String.join("", frames.perChunk()) + frames.trailer();
        new DefaultServerSentEventParser().parse(new ByteArrayInputStream(wire.getBytes(StandardCharsets.UTF_8)),
                new ServerSentEventListener() {
                    @Override
                    public void onEvent(ServerSentEvent event) {
                        events.add(event);
                    }

                    @Override
                    public void onError(Throwable error) {
                        throw new AssertionError(error);
                    }
                });

        assertThat(events).hasSize(3).allSatisfy(e -> assertThat(e.event()).isNull());
        assertThat(events).extracting(ServerSentEvent::data).containsExactlyElementsOf(
                frames.perChunk().stream().map(f -> f.substring("data: ".length(), f.length() - 4)).toList());
        assertThat(events.get(0).data()).doesNotContain("finishReason");
        assertThat(events.get(2).data()).contains("\"finishReason\": \"STOP\"");
    }

    @Test
    void streamsAToolCallWholeInOneEvent() {
        StreamFrames frames = protocol.stream(call(true, false), WEATHER_CALL, META, List.of(new Chunk(0, 0, true, true)));

        assertThat(frames.perChunk()).singleElement().isEqualTo(
                "data: {\"candidates\": [{\"content\": {\"parts\": [{\"functionCall\": {\"name\": \"get_weather\","
                        + "\"args\": {\"city\": \"Paris\"}}}],\"role\": \"model\"},\"finishReason\": \"STOP\",\"index\": 0}],"
                        + "\"usageMetadata\": {\"promptTokenCount\": 5,\"candidatesTokenCount\": " + WEATHER_CALL.outputTokens()
                        + ",\"totalTokenCount\": " + (5 + WEATHER_CALL.outputTokens()) + ","
                        + "\"promptTokensDetails\": [{\"modality\": \"TEXT\",\"tokenCount\": 5}]},"
                        + "\"modelVersion\": \"gemini-2.5-flash\",\"responseId\": \"kvU9auqbCdCf0-kPvcfluQE\"}\r\n\r\n");
    }

    @Test
    void streamsAJsonArrayOfPrettyObjects() throws Exception {
        StreamFrames frames = protocol.stream(call(true, true), PONG, META,
                List.of(new Chunk(0, 2, true, false), new Chunk(2, 3, false, true)));
        String unaryLike = body(protocol.unary(call(false, false), PONG, META)).stripTrailing();

        assertThat(frames.contentType()).isEqualTo("application/json; charset=UTF-8");
        assertThat(frames.perChunk().get(0)).startsWith("[{\n  \"candidates\": [\n").endsWith("\n}")
                .doesNotContain("finishReason").contains("\"candidatesTokenCount\": 2,");
        assertThat(frames.perChunk().get(1)).isEqualTo("\n,\r\n" + unaryLike.replace("Pong! Ready", " Ready"));
        assertThat(frames.trailer()).isEqualTo("\n]");
        String whole = String.join("", frames.perChunk()) + frames.trailer();
        assertThat(GoogleJson.MAPPER.readTree(whole).size()).isEqualTo(2);
    }

    private static ChatCall call(boolean stream, boolean jsonArray) {
        var conversation = new Conversation("", List.of(new Turn.User("ping")), List.of(), null, null);
        return new ChatCall(Protocol.GEMINI, "gemini-2.5-flash", stream, jsonArray, "v1beta", conversation, null);
    }

    private static String body(HttpReply reply) {
        return new String(reply.body(), StandardCharsets.UTF_8);
    }
}
