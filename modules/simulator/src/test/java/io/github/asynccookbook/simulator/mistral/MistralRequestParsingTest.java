package io.github.asynccookbook.simulator.mistral;

import io.github.asynccookbook.simulator.Protocol;
import io.github.asynccookbook.simulator.conversation.ToolCall;
import io.github.asynccookbook.simulator.conversation.ToolChoice;
import io.github.asynccookbook.simulator.conversation.ToolSpec;
import io.github.asynccookbook.simulator.conversation.Turn;
import io.github.asynccookbook.simulator.protocol.ApiError;
import io.github.asynccookbook.simulator.protocol.ChatCall;
import io.github.asynccookbook.simulator.protocol.HttpReply;
import io.github.asynccookbook.simulator.protocol.InboundRequest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MistralRequestParsingTest {

    /** Byte for byte what LangChain4j 1.18.1 sends for a streamed tool round trip (InternalMistralAIHelper + INDENT_OUTPUT). */
    private static final String LANGCHAIN4J_TOOL_TURN = """
            {
              "model" : "mistral-small-latest",
              "messages" : [ {
                "role" : "system",
                "content" : [ {
                  "text" : "You are terse.",
                  "type" : "text"
                } ]
              }, {
                "role" : "user",
                "content" : [ {
                  "text" : "Weather in Paris?",
                  "type" : "text"
                } ]
              }, {
                "role" : "assistant",
                "tool_calls" : [ {
                  "id" : "D681PevKs",
                  "type" : "function",
                  "function" : {
                    "name" : "getWeather",
                    "arguments" : "{\\"city\\": \\"Paris\\"}"
                  }
                } ]
              }, {
                "role" : "tool",
                "content" : [ {
                  "text" : "sunny",
                  "type" : "text"
                } ],
                "name" : "getWeather",
                "tool_call_id" : "D681PevKs"
              } ],
              "temperature" : 0.7,
              "max_tokens" : 512,
              "stream" : true,
              "random_seed" : 42,
              "tools" : [ {
                "type" : "function",
                "function" : {
                  "name" : "getWeather",
                  "description" : "Weather in a city",
                  "parameters" : {
                    "type" : "object",
                    "properties" : {
                      "city" : {
                        "type" : "string",
                        "description" : "the city"
                      },
                      "unit" : {
                        "type" : "string",
                        "enum" : [ "C", "F" ]
                      }
                    },
                    "required" : [ "city" ]
                  }
                }
              } ],
              "tool_choice" : "any",
              "stop" : [ ]
            }""";

    private static final String LANGCHAIN4J_SIMPLE = """
            {
              "model" : "mistral-small-latest",
              "messages" : [ {
                "role" : "user",
                "content" : [ {
                  "text" : "Hi",
                  "type" : "text"
                } ]
              } ],
              "stream" : false,
              "stop" : [ ]
            }""";

    private final MistralProtocol protocol = new MistralProtocol();

    @Test
    void readsLangChain4jToolRoundTrip() {
        ChatCall call = parse(LANGCHAIN4J_TOOL_TURN);

        assertThat(call.protocol()).isEqualTo(Protocol.MISTRAL);
        assertThat(call.model()).isEqualTo("mistral-small-latest");
        assertThat(call.stream()).isTrue();
        assertThat(call.seed()).isEqualTo(42L);
        var conversation = call.conversation();
        assertThat(conversation.system()).isEqualTo("You are terse.");
        assertThat(conversation.maxOutputTokens()).isEqualTo(512);
        assertThat(conversation.toolChoice()).isEqualTo(new ToolChoice(ToolChoice.Mode.REQUIRED, Set.of()));
        assertThat(conversation.turns()).containsExactly(
                new Turn.User("Weather in Paris?"),
                new Turn.Assistant("", List.of(new ToolCall("D681PevKs", "getWeather", Map.of("city", "Paris")))),
                new Turn.ToolResult("D681PevKs", "getWeather", "sunny"));
        assertThat(conversation.tools()).containsExactly(new ToolSpec("getWeather", "Weather in a city", List.of(
                new ToolSpec.Parameter("city", "string", "the city", true, List.of()),
                new ToolSpec.Parameter("unit", "string", null, false, List.of("C", "F")))));
    }

    @Test
    void readsLangChain4jPlainRequest() {
        ChatCall call = parse(LANGCHAIN4J_SIMPLE);

        assertThat(call.stream()).isFalse();
        assertThat(call.seed()).isNull();
        assertThat(call.conversation().maxOutputTokens()).isNull();
        assertThat(call.conversation().toolChoice()).isEqualTo(ToolChoice.AUTO);
        assertThat(call.conversation().lastUserText()).isEqualTo("Hi");
    }

    @Test
    void readsTypeScriptSdkStyle() {
        ChatCall call = parse("""
                {"model":"mistral-large-latest","temperature":0.7,"top_p":1,"stream":false,"safe_prompt":false,
                 "messages":[{"role":"user","content":"What is 2+2?"},
                  {"role":"assistant","content":null,"tool_calls":[{"id":"abc123XYZ","type":"function",
                    "function":{"name":"add","arguments":{"a":2,"b":2,"note":null}},"index":0}],"prefix":false},
                  {"role":"tool","tool_call_id":"abc123XYZ","content":"4"},
                  {"role":"assistant","content":"It is 4.","prefix":false}],
                 "tools":[{"type":"function","function":{"name":"add","description":"Adds",
                   "parameters":{"$schema":"http://json-schema.org/draft-07/schema#","type":"object",
                     "properties":{"a":{"type":["number","null"]},"b":{"type":"number"}},
                     "required":["a","b"],"additionalProperties":false}}}],
                 "tool_choice":{"type":"function","function":{"name":"add"}}}""");

        var conversation = call.conversation();
        assertThat(conversation.turns()).containsExactly(
                new Turn.User("What is 2+2?"),
                new Turn.Assistant("", List.of(new ToolCall("abc123XYZ", "add", Map.of("a", 2, "b", 2)))),
                new Turn.ToolResult("abc123XYZ", "add", "4"),
                new Turn.Assistant("It is 4.", List.of()));
        assertThat(conversation.tools().getFirst().parameters()).extracting(ToolSpec.Parameter::type)
                .containsExactly("number", "number");
        assertThat(conversation.toolChoice()).isEqualTo(new ToolChoice(ToolChoice.Mode.REQUIRED, Set.of("add")));
    }

    @Test
    void keepsOnlyTextChunksOfMixedContent() {
        ChatCall call = parse("""
                {"model":"m","messages":[{"role":"user","content":[
                  {"type":"text","text":"Describe"},
                  {"type":"image_url","image_url":"https://example.com/cat.png"},
                  {"type":"text","text":"this picture."}]}],"tool_choice":"none"}""");

        assertThat(call.conversation().lastUserText()).isEqualTo("Describe\nthis picture.");
        assertThat(call.conversation().toolChoice().mode()).isEqualTo(ToolChoice.Mode.NONE);
    }

    @Test
    void unknownTopLevelFieldIsExtraForbidden() {
        ApiError error = parseFailure("""
                {"model":"m","messages":[{"role":"user","content":"hi"}],"store":false}""");

        assertThat(error.kind()).isEqualTo(ApiError.Kind.UNKNOWN_FIELD);
        assertThat(error.detail()).isEqualTo("store");
        assertReply(protocol.error(error, "v1"), 422, """
                {"detail":[{"type":"extra_forbidden","loc":["body","store"],"msg":"Extra inputs are not permitted"}]}""");
    }

    @Test
    void unknownMessageFieldIsLocatedInsideTheRole() {
        ApiError error = parseFailure("""
                {"model":"m","messages":[{"role":"user","content":"hi","name":"bob"}],"stream_options":{}}""");

        assertThat(error.kind()).isEqualTo(ApiError.Kind.UNKNOWN_FIELD);
        assertReply(protocol.error(error, "v1"), 422, """
                {"detail":[{"type":"extra_forbidden","loc":["body","stream_options"],"msg":"Extra inputs are not permitted"},\
                {"type":"extra_forbidden","loc":["body","messages",0,"user","name"],"msg":"Extra inputs are not permitted"}]}""");
    }

    @Test
    void missingFieldsAreReportedTogether() {
        ApiError error = parseFailure("{\"temperature\":0.2}");

        assertThat(error.kind()).isEqualTo(ApiError.Kind.INVALID_REQUEST);
        assertReply(protocol.error(error, "v1"), 422, """
                {"detail":[{"type":"missing","loc":["body","model"],"msg":"Field required"},\
                {"type":"missing","loc":["body","messages"],"msg":"Field required"}]}""");
    }

    @Test
    void wrongTypesAndRolesAreReported() {
        ApiError error = parseFailure("""
                {"model":7,"messages":[{"role":"robot","content":"x"}],"max_tokens":"many"}""");

        assertReply(protocol.error(error, "v1"), 422, """
                {"detail":[{"type":"string_type","loc":["body","model"],"msg":"Input should be a valid string"},\
                {"type":"union_tag_invalid","loc":["body","messages",0],"msg":"Input tag 'robot' found using 'role' \
                does not match any of the expected tags: 'assistant', 'system', 'tool', 'user'"},\
                {"type":"int_type","loc":["body","max_tokens"],"msg":"Input should be a valid integer"}]}""");
    }

    @Test
    void nestedProblemsAreLocatedPrecisely() {
        ApiError error = parseFailure("""
                {"model":"m","messages":[{"role":"user","content":[{"type":"text"}]}],"tool_choice":"sometimes"}""");

        assertReply(protocol.error(error, "v1"), 422, """
                {"detail":[{"type":"missing","loc":["body","messages",0,"user","content",0,"text"],"msg":"Field required"},\
                {"type":"enum","loc":["body","tool_choice"],"msg":"Input should be 'auto', 'none', 'any' or 'required'"}]}""");
    }

    @Test
    void malformedJsonIsJsonInvalid() {
        ApiError error = parseFailure("{\"model\": \"m\",");

        assertThat(error.kind()).isEqualTo(ApiError.Kind.INVALID_REQUEST);
        HttpReply reply = protocol.error(error, "v1");
        assertThat(reply.status()).isEqualTo(422);
        assertThat(body(reply)).startsWith("{\"detail\":[{\"type\":\"json_invalid\",\"loc\":[\"body\",")
                .endsWith("\"msg\":\"JSON decode error\"}]}");
    }

    @Test
    void emptyBodyIsMissing() {
        assertReply(protocol.error(parseFailure(""), "v1"), 422, """
                {"detail":[{"type":"missing","loc":["body"],"msg":"Field required"}]}""");
    }

    @Test
    void userAfterToolIsAMessageOrderError() {
        ApiError error = parseFailure("""
                {"model":"m","messages":[{"role":"user","content":"a"},
                 {"role":"assistant","tool_calls":[{"id":"x","function":{"name":"f","arguments":"{}"}}]},
                 {"role":"tool","tool_call_id":"x","content":"r"},{"role":"user","content":"b"}]}""");

        assertReply(protocol.error(error, "v1"), 400, """
                {"object":"error","message":"Unexpected role 'user' after role 'tool'",\
                "type":"invalid_request_message_order","param":null,"code":"3230","raw_status_code":400}""");
    }

    @Test
    void readsTheBearerKey() {
        assertThat(protocol.apiKey(request(Map.of("authorization", "Bearer sk-123")))).isEqualTo("sk-123");
        assertThat(protocol.apiKey(request(Map.of("authorization", "bearer  sk-123 ")))).isEqualTo("sk-123");
        assertThat(protocol.apiKey(request(Map.of("authorization", "Bearer   ")))).isNull();
        assertThat(protocol.apiKey(request(Map.of("authorization", "Basic dXNlcjpwdw==")))).isNull();
        assertThat(protocol.apiKey(request(Map.of()))).isNull();
    }

    @Test
    void aNegativeMaxTokensIsBelowPydanticsBound() {
        ApiError error = parseFailure("""
                {"model":"mistral-small-latest","max_tokens":-1,"messages":[{"role":"user","content":"hi"}]}""");

        assertReply(protocol.error(error, "v1"), 422, """
                {"detail":[{"type":"greater_than_equal","loc":["body","max_tokens"],\
                "msg":"Input should be greater than or equal to 0","ctx":{"ge":0}}]}""");
    }

    @Test
    void aZeroMaxTokensPassesAsTheRealSchemaAllowsIt() {
        ChatCall call = parse("""
                {"model":"mistral-small-latest","max_tokens":0,"messages":[{"role":"user","content":"hi"}]}""");

        assertThat(call.conversation().maxOutputTokens()).isZero();
    }

    @Test
    void readsAPromptLongerThanJacksonsDefaultStringLimit() {
        String text = "a".repeat(20_000_001);

        ChatCall call = parse("{\"model\":\"mistral-small-latest\",\"messages\":[{\"role\":\"user\",\"content\":\""
                + text + "\"}]}");

        assertThat(call.conversation().lastUserText()).hasSize(text.length());
    }

    private ChatCall parse(String json) {
        return protocol.parseChat(post(json), null, false);
    }

    private ApiError parseFailure(String json) {
        return catchThrowableOfType(ApiError.class, () -> parse(json));
    }

    private static InboundRequest post(String json) {
        return new InboundRequest("POST", "/v1/chat/completions", Map.of(), Map.of("content-type", "application/json"),
                json.getBytes(StandardCharsets.UTF_8));
    }

    private static InboundRequest request(Map<String, String> headers) {
        return new InboundRequest("GET", "/v1/models", Map.of(), new HashMap<>(headers), new byte[0]);
    }

    static void assertReply(HttpReply reply, int status, String body) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.contentType()).isEqualTo("application/json");
        assertThat(body(reply)).isEqualTo(body);
    }

    static String body(HttpReply reply) {
        return new String(reply.body(), StandardCharsets.UTF_8);
    }
}
