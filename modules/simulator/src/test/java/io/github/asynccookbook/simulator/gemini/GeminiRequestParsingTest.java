package io.github.asynccookbook.simulator.gemini;

import io.github.asynccookbook.simulator.Protocol;
import io.github.asynccookbook.simulator.conversation.ToolCall;
import io.github.asynccookbook.simulator.conversation.ToolChoice;
import io.github.asynccookbook.simulator.conversation.ToolSpec;
import io.github.asynccookbook.simulator.conversation.Turn;
import io.github.asynccookbook.simulator.protocol.ApiError;
import io.github.asynccookbook.simulator.protocol.ChatCall;
import io.github.asynccookbook.simulator.protocol.InboundRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class GeminiRequestParsingTest {

    private static final String GENERATE = "/v1beta/models/gemini-2.5-flash:generateContent";

    /** Captured byte for byte from GoogleAiGeminiChatModel 1.18.1 (system message, tool call, tool result, REQUIRED). */
    private static final String LANGCHAIN4J_TOOL_TURN = """
            {
              "contents" : [ {
                "parts" : [ {
                  "text" : "Weather in Paris?"
                } ],
                "role" : "user"
              }, {
                "parts" : [ {
                  "functionCall" : {
                    "id" : "call-1",
                    "name" : "get_weather",
                    "args" : {
                      "city" : "Paris"
                    }
                  }
                } ],
                "role" : "model"
              }, {
                "parts" : [ {
                  "functionResponse" : {
                    "id" : "call-1",
                    "name" : "get_weather",
                    "response" : {
                      "response" : "sunny, 21 C"
                    }
                  }
                } ],
                "role" : "user"
              } ],
              "tools" : [ {
                "functionDeclarations" : [ {
                  "name" : "get_weather",
                  "description" : "Current weather in a city",
                  "parameters" : {
                    "type" : "OBJECT",
                    "properties" : {
                      "unit" : {
                        "type" : "STRING",
                        "enum" : [ "C", "F" ]
                      },
                      "city" : {
                        "type" : "STRING",
                        "description" : "City name"
                      },
                      "days" : {
                        "type" : "INTEGER"
                      }
                    },
                    "required" : [ "city" ]
                  }
                } ]
              } ],
              "toolConfig" : {
                "functionCallingConfig" : {
                  "mode" : "ANY"
                }
              },
              "systemInstruction" : {
                "parts" : [ {
                  "text" : "You are terse."
                } ],
                "role" : "model"
              },
              "generationConfig" : {
                "responseMimeType" : "text/plain",
                "candidateCount" : 1,
                "maxOutputTokens" : 256,
                "temperature" : 0.2,
                "seed" : 7,
                "responseLogprobs" : false,
                "enableEnhancedCivicAnswers" : false
              }
            }
            """;

    /** What @google/genai's converter puts on the wire for generateContent with a config (compact JSON). */
    private static final String GOOGLE_GENAI = """
            {"contents":[{"parts":[{"text":"Plan a trip"}],"role":"user"}],\
            "systemInstruction":{"parts":[{"text":"Be helpful."}],"role":"user"},\
            "tools":[{"functionDeclarations":[{"name":"book_hotel","description":"Books a room",\
            "parametersJsonSchema":{"type":"object","properties":{"city":{"type":"string"},\
            "nights":{"type":["integer","null"],"description":"How long"}},"required":["city"]}}]}],\
            "toolConfig":{"functionCallingConfig":{"mode":"VALIDATED","allowedFunctionNames":["book_hotel"]}},\
            "safetySettings":[{"category":"HARM_CATEGORY_HARASSMENT","threshold":"BLOCK_NONE"}],\
            "generationConfig":{"temperature":0.7,"topP":0.9,"topK":40,"maxOutputTokens":"512","stopSequences":[],\
            "thinkingConfig":{"thinkingBudget":0,"includeThoughts":false},"responseModalities":["TEXT"],\
            "mediaResolution":"MEDIA_RESOLUTION_LOW"},"serviceTier":"standard"}
            """;

    private final GeminiProtocol protocol = new GeminiProtocol();

    @Test
    void readsWhatLangChain4jSendsForAToolRoundTrip() {
        ChatCall call = parse(GENERATE, Map.of(), LANGCHAIN4J_TOOL_TURN, false);

        assertThat(call.protocol()).isEqualTo(Protocol.GEMINI);
        assertThat(call.model()).isEqualTo("gemini-2.5-flash");
        assertThat(call.apiVersion()).isEqualTo("v1beta");
        assertThat(call.seed()).isEqualTo(7L);
        var conversation = call.conversation();
        assertThat(conversation.system()).isEqualTo("You are terse.");
        assertThat(conversation.maxOutputTokens()).isEqualTo(256);
        assertThat(conversation.turns()).containsExactly(
                new Turn.User("Weather in Paris?"),
                new Turn.Assistant("", List.of(new ToolCall("call-1", "get_weather", Map.of("city", "Paris")))),
                new Turn.ToolResult("call-1", "get_weather", "sunny, 21 C"));
        assertThat(conversation.tools()).containsExactly(new ToolSpec("get_weather", "Current weather in a city", List.of(
                new ToolSpec.Parameter("unit", "string", null, false, List.of("C", "F")),
                new ToolSpec.Parameter("city", "string", "City name", true, null),
                new ToolSpec.Parameter("days", "integer", null, false, null))));
        assertThat(conversation.toolChoice()).isEqualTo(new ToolChoice(ToolChoice.Mode.REQUIRED, Set.of()));
    }

    @Test
    void readsWhatGoogleGenaiSends() {
        ChatCall call = parse("/v1/models/gemini-2.5-flash:streamGenerateContent", Map.of("alt", "sse"), GOOGLE_GENAI, true);

        assertThat(call.apiVersion()).isEqualTo("v1");
        assertThat(call.stream()).isTrue();
        assertThat(call.jsonArray()).isFalse();
        assertThat(call.seed()).isNull();
        var conversation = call.conversation();
        assertThat(conversation.system()).isEqualTo("Be helpful.");
        assertThat(conversation.maxOutputTokens()).isEqualTo(512);
        assertThat(conversation.lastUserText()).isEqualTo("Plan a trip");
        assertThat(conversation.tools()).containsExactly(new ToolSpec("book_hotel", "Books a room", List.of(
                new ToolSpec.Parameter("city", "string", null, true, null),
                new ToolSpec.Parameter("nights", "integer", "How long", false, null))));
        assertThat(conversation.toolChoice()).isEqualTo(new ToolChoice(ToolChoice.Mode.AUTO, Set.of("book_hotel")));
    }

    @Test
    void readsTheLegacySdkAndSnakeCaseSpellings() {
        String legacy = """
                {"contents":[{"role":"user","parts":[{"text":"Hi"},{"text":"there"}]}],
                 "system_instruction":{"role":"system","parts":[{"text":"Rule one."},{"text":"Rule two."}]},
                 "generation_config":{"max_output_tokens":20,"seed":"99","response_mime_type":"text/plain"},
                 "tool_config":{"function_calling_config":{"mode":"NONE","allowed_function_names":["x"]}},
                 "safety_settings":[],"cached_content":"cachedContents/abc"}
                """;

        var call = parse(GENERATE, Map.of(), legacy, false);

        assertThat(call.conversation().system()).isEqualTo("Rule one.\nRule two.");
        assertThat(call.conversation().turns()).containsExactly(new Turn.User("Hi\nthere"));
        assertThat(call.conversation().maxOutputTokens()).isEqualTo(20);
        assertThat(call.seed()).isEqualTo(99L);
        assertThat(call.conversation().toolChoice().mode()).isEqualTo(ToolChoice.Mode.NONE);
    }

    @Test
    void turnsToolResultsOfAnyShapeIntoText() {
        String body = """
                {"contents":[
                  {"role":"user","parts":[{"text":"go"}]},
                  {"role":"model","parts":[{"text":"thinking...","thought":true},{"text":"Calling."},
                    {"functionCall":{"name":"lookup","args":{"q":"x","n":2,"skip":null}}}]},
                  {"role":"function","parts":[{"functionResponse":{"name":"lookup","response":{"hits":[1,2]}}},
                    {"text":"and now?"}]}]}
                """;

        var turns = parse(GENERATE, Map.of(), body, false).conversation().turns();

        assertThat(turns).containsExactly(
                new Turn.User("go"),
                new Turn.Assistant("Calling.", List.of(new ToolCall(null, "lookup", Map.of("q", "x", "n", 2)))),
                new Turn.ToolResult(null, "lookup", "{\"hits\":[1,2]}"),
                new Turn.User("and now?"));
    }

    @Test
    void streamsAJsonArrayWithoutAltSse() {
        var call = parse("/api/v1beta/models/gemini-2.0-flash:streamGenerateContent", Map.of(),
                "{\"contents\":[{\"parts\":[{\"text\":\"hi\"}]}]}", true);

        assertThat(call.jsonArray()).isTrue();
        assertThat(call.apiVersion()).isEqualTo("v1beta");
        assertThat(call.conversation().turns()).containsExactly(new Turn.User("hi"));
    }

    @Test
    void rejectsAnUnknownTopLevelField() {
        ApiError error = parseFailure("{\"contents\":[{\"parts\":[{\"text\":\"hi\"}]}],\"foo\":1}");

        assertThat(error.kind()).isEqualTo(ApiError.Kind.UNKNOWN_FIELD);
        assertThat(error.detail()).isEqualTo("foo");
    }

    @Test
    void rejectsAnUnknownGenerationConfigField() {
        ApiError error = parseFailure("{\"contents\":[{\"parts\":[{\"text\":\"hi\"}]}],\"generationConfig\":{\"maxTokens\":5}}");

        assertThat(error.kind()).isEqualTo(ApiError.Kind.UNKNOWN_FIELD);
        assertThat(error.detail()).isEqualTo("generation_config.maxTokens");
    }

    @Test
    void rejectsMalformedJsonInGooglesWords() {
        ApiError error = parseFailure("{\"contents\": [ x ]}");

        assertThat(error.kind()).isEqualTo(ApiError.Kind.INVALID_REQUEST);
        assertThat(error.detail()).startsWith("Invalid JSON payload received. Unexpected token.\n{\"contents\": [ x ]}\n");
    }

    @Test
    void rejectsATruncatedBody() {
        assertThat(parseFailure("{\"contents\": [").detail()).startsWith("Invalid JSON payload received. Unexpected end of string.");
    }

    @Test
    void rejectsANonObjectRoot() {
        assertThat(parseFailure("[]").detail())
                .isEqualTo("Invalid JSON payload received. Unknown name \"\": Root element must be a message.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{}", "{\"contents\":[]}"})
    void requiresContents(String body) {
        ApiError error = parseFailure(body);

        assertThat(error.kind()).isEqualTo(ApiError.Kind.INVALID_REQUEST);
        assertThat(error.detail()).isEqualTo("* GenerateContentRequest.contents: contents is not specified\n");
    }

    @Test
    void requiresParts() {
        assertThat(parseFailure("{\"contents\":[{\"role\":\"user\",\"parts\":[]}]}").detail())
                .isEqualTo("* GenerateContentRequest.contents[0].parts: contents.parts must not be empty.\n");
    }

    @Test
    void rejectsAnUnknownRole() {
        assertThat(parseFailure("{\"contents\":[{\"role\":\"assistant\",\"parts\":[{\"text\":\"x\"}]}]}").detail())
                .isEqualTo("Please use a valid role: user, model.");
    }

    @Test
    void rejectsValuesOfTheWrongType() {
        assertThat(parseFailure("{\"contents\":[{\"parts\":[{\"text\":\"x\"}]}],\"generationConfig\":{\"maxOutputTokens\":\"many\"}}")
                .detail()).isEqualTo("Invalid value at 'generation_config.max_output_tokens' (TYPE_INT32), \"many\"");
        assertThat(parseFailure("{\"contents\":[{\"parts\":[{\"text\":\"x\"}]}],\"toolConfig\":{\"functionCallingConfig\":{\"mode\":\"SOMETIMES\"}}}")
                .detail()).startsWith("Invalid value at 'tool_config.function_calling_config.mode' (");
        assertThat(parseFailure("{\"contents\":[{\"role\":[\"user\"],\"parts\":[{\"text\":\"x\"}]}]}").detail())
                .isEqualTo("Invalid JSON payload received. Unknown name \"role\" at 'contents[0]': Proto field is not repeating, cannot start list.");
    }

    @Test
    void takesTheKeyFromTheHeaderElseTheQuery() {
        assertThat(protocol.apiKey(request(GENERATE, Map.of("key", "q"), Map.of("x-goog-api-key", "h"), ""))).isEqualTo("h");
        assertThat(protocol.apiKey(request(GENERATE, Map.of("key", "q"), Map.of(), ""))).isEqualTo("q");
        assertThat(protocol.apiKey(request(GENERATE, Map.of("key", " "), Map.of("x-goog-api-key", ""), ""))).isNull();
        assertThat(protocol.apiKey(request(GENERATE, Map.of(), Map.of("authorization", "Bearer m"), ""))).isNull();
    }

    @Test
    void readsAPromptLongerThanJacksonsDefaultStringLimit() {
        String text = "a".repeat(20_000_001);   // a valid body within the 20 MB request limit

        ChatCall call = parse(GENERATE, Map.of(), "{\"contents\":[{\"parts\":[{\"text\":\"" + text + "\"}]}]}", false);

        assertThat(call.conversation().lastUserText()).hasSize(text.length());
    }

    private ChatCall parse(String path, Map<String, String> query, String body, boolean stream) {
        String model = path.substring(path.lastIndexOf('/') + 1, path.lastIndexOf(':'));
        return protocol.parseChat(request(path, query, Map.of("x-goog-api-key", "k"), body), model, stream);
    }

    private ApiError parseFailure(String body) {
        return catchThrowableOfType(ApiError.class, () -> parse(GENERATE, Map.of(), body, false));
    }

    private static InboundRequest request(String path, Map<String, String> query, Map<String, String> headers, String body) {
        return new InboundRequest("POST", path, query, headers, body.getBytes(StandardCharsets.UTF_8));
    }
}
