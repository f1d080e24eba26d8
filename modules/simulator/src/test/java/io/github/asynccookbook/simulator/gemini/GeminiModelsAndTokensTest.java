package io.github.asynccookbook.simulator.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.asynccookbook.simulator.ModelProfile;
import io.github.asynccookbook.simulator.ModelProfiles;
import io.github.asynccookbook.simulator.content.Tokens;
import io.github.asynccookbook.simulator.conversation.Conversation;
import io.github.asynccookbook.simulator.conversation.ToolChoice;
import io.github.asynccookbook.simulator.conversation.Turn;
import io.github.asynccookbook.simulator.protocol.ApiError;
import io.github.asynccookbook.simulator.protocol.HttpReply;
import io.github.asynccookbook.simulator.protocol.InboundRequest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class GeminiModelsAndTokensTest {

    private static final Map<String, ModelProfile> PROFILES = ModelProfiles.defaults();
    private static final ModelProfile FLASH = PROFILES.get("gemini-2.5-flash");

    private final GeminiProtocol protocol = new GeminiProtocol();

    @Test
    void listsOnlyGeminiModelsInGooglesShape() throws Exception {
        JsonNode page = json(protocol.listModels(PROFILES.values(), get(Map.of())));

        assertThat(page.get("models")).extracting(m -> m.get("name").textValue()).containsExactly(
                "models/gemini-2.0-flash", "models/gemini-2.0-flash-001", "models/gemini-2.0-flash-lite",
                "models/gemini-2.0-flash-lite-001", "models/gemini-2.5-flash", "models/gemini-2.5-flash-lite",
                "models/gemini-2.5-pro", "models/gemini-flash-latest", "models/gemini-flash-lite-latest",
                "models/gemini-pro-latest");
        assertThat(page.has("nextPageToken")).isFalse();
    }

    @Test
    void pagesThroughTheListWithOpaqueTokens() throws Exception {
        var names = new ArrayList<String>();
        var query = new HashMap<>(Map.of("pageSize", "3"));
        int pages = 0;
        while (true) {
            JsonNode page = json(protocol.listModels(PROFILES.values(), get(query)));
            page.get("models").forEach(m -> names.add(m.get("name").textValue()));
            pages++;
            if (!page.has("nextPageToken")) {
                break;
            }
            query.put("pageToken", page.get("nextPageToken").textValue());
        }

        assertThat(pages).isEqualTo(4);
        assertThat(names).hasSize(10).doesNotHaveDuplicates();
    }

    @Test
    void refusesAForeignPageToken() {
        ApiError error = catchThrowableOfType(ApiError.class,
                () -> protocol.listModels(PROFILES.values(), get(Map.of("pageToken", "bm90LWFuLW9mZnNldA"))));

        assertThat(error.kind()).isEqualTo(ApiError.Kind.INVALID_REQUEST);
    }

    @Test
    void describesOneModelLikeTheRealApi() {
        HttpReply reply = protocol.getModel(FLASH, PROFILES.values());

        assertThat(new String(reply.body(), StandardCharsets.UTF_8)).isEqualTo("""
                {
                  "name": "models/gemini-2.5-flash",
                  "version": "001",
                  "displayName": "Gemini 2.5 Flash",
                  "description": "Simulated Gemini 2.5 Flash.",
                  "inputTokenLimit": 1048576,
                  "outputTokenLimit": 65536,
                  "supportedGenerationMethods": [
                    "generateContent",
                    "countTokens",
                    "createCachedContent",
                    "batchGenerateContent"
                  ],
                  "temperature": 1,
                  "topP": 0.95,
                  "topK": 64,
                  "maxTemperature": 2,
                  "thinking": true
                }
                """);
    }

    @Test
    void leavesThinkingOffOlderModels() throws Exception {
        JsonNode model = json(protocol.getModel(PROFILES.get("gemini-2.0-flash"), PROFILES.values()));

        assertThat(model.has("thinking")).isFalse();
        assertThat(model.get("topK").intValue()).isEqualTo(40);
    }

    @Test
    void countsContentsWithTheSimulatorsTokenizer() throws Exception {
        String body = "{\n  \"contents\" : [ {\n    \"parts\" : [ {\n      \"text\" : \"Hello there, how are you?\"\n    } ],\n"
                + "    \"role\" : \"user\"\n  } ]\n}";
        int expected = Tokens.count(new Conversation("", List.of(new Turn.User("Hello there, how are you?")), List.of(),
                ToolChoice.AUTO, null));

        JsonNode answer = json(protocol.countTokens(post(body), FLASH));

        assertThat(answer.get("totalTokens").intValue()).isEqualTo(expected);
        assertThat(answer.at("/promptTokensDetails/0/modality").textValue()).isEqualTo("TEXT");
        assertThat(answer.at("/promptTokensDetails/0/tokenCount").intValue()).isEqualTo(expected);
    }

    @Test
    void countsAWholeGenerateContentRequestIncludingTools() throws Exception {
        String dummy = "{\"contents\":[{\"parts\":[{\"text\":\"Dummy content\"}]}]}";
        String withTools = """
                {"generateContentRequest":{"model":"models/gemini-2.5-flash",
                  "contents":[{"parts":[{"text":"Dummy content"}]}],
                  "tools":[{"functionDeclarations":[{"name":"get_weather","description":"Current weather in a city",
                    "parameters":{"type":"OBJECT","properties":{"city":{"type":"STRING"}},"required":["city"]}}]}]}}
                """;

        int bare = json(protocol.countTokens(post(dummy), FLASH)).get("totalTokens").intValue();
        int tools = json(protocol.countTokens(post(withTools), FLASH)).get("totalTokens").intValue();

        assertThat(tools).isGreaterThan(bare);
    }

    @Test
    void rejectsUnknownCountTokensFields() {
        ApiError error = catchThrowableOfType(ApiError.class,
                () -> protocol.countTokens(post("{\"contents\":[{\"parts\":[{\"text\":\"x\"}]}],\"model\":\"m\"}"), FLASH));

        assertThat(error.kind()).isEqualTo(ApiError.Kind.UNKNOWN_FIELD);
        assertThat(error.detail()).isEqualTo("model");
    }

    private static InboundRequest get(Map<String, String> query) {
        return new InboundRequest("GET", "/v1beta/models", query, Map.of("x-goog-api-key", "k"), new byte[0]);
    }

    private static InboundRequest post(String body) {
        return new InboundRequest("POST", "/v1beta/models/gemini-2.5-flash:countTokens", Map.of(),
                Map.of("x-goog-api-key", "k"), body.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpReply reply) throws Exception {
        assertThat(reply.status()).isEqualTo(200);
        return GoogleJson.MAPPER.readTree(reply.body());
    }
}
