package io.github.asynccookbook.simulator.mistral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.Simulator;
import io.github.asynccookbook.simulator.SimulatorConfig;
import io.github.asynccookbook.simulator.Tier;
import io.github.asynccookbook.simulator.content.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Raw HTTP against a running simulator: status, headers and the exact framing official clients depend on. */
class MistralHttpEndToEndTest {

    private static final String MODEL = "mistral-small-latest";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Simulator sim;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        sim = Simulator.start(SimulatorConfig.defaults().toBuilder().timeScale(0.02).tier(Tier.TIER1).build());
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void unaryAnswerIsOneJsonDocumentWithUsageAndHeaders() throws Exception {
        HttpResponse<String> response = post(chat(false, "Name three French cities."), "sk-test");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(response.headers().firstValue("x-ratelimit-limit-req-second")).hasValue("25");
        assertThat(response.headers().firstValue("x-ratelimit-remaining-tokens-minute")).isPresent();
        assertThat(response.headers().firstValue("mistral-correlation-id")).isPresent();
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.fieldNames()).toIterable()
                .containsExactly("id", "created", "model", "usage", "object", "choices");
        assertThat(body.get("id").asText()).matches("[0-9a-f]{32}");
        assertThat(body.get("object").asText()).isEqualTo("chat.completion");
        JsonNode choice = body.get("choices").get(0);
        assertThat(choice.get("finish_reason").asText()).isEqualTo("stop");
        String content = choice.get("message").get("content").asText();
        assertThat(content).isNotBlank();
        RequestRecord record = lastRecord();
        assertThat(body.get("usage").get("completion_tokens").asInt())
                .isEqualTo(Tokens.count(content)).isEqualTo(record.plannedTokens());
        assertThat(body.get("usage").get("prompt_tokens").asInt()).isEqualTo(record.promptTokens());
        assertThat(record.stream()).isFalse();
    }

    @Test
    void streamIsSseFramedFromRoleOpenerToDone() throws Exception {
        HttpResponse<String> response = post(chat(true, "Describe a quiet harbour."), "sk-test");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("text/event-stream");
        assertThat(response.headers().firstValue("x-ratelimit-limit-req-second")).hasValue("25");
        String body = response.body();
        assertThat(body).endsWith("data: [DONE]\n\n").doesNotContain("\r");
        List<String> events = Arrays.asList(body.split("\n\n"));
        assertThat(events).allMatch(event -> event.startsWith("data: ") && !event.contains("\n"));
        assertThat(events.getLast()).isEqualTo("data: [DONE]");

        List<JsonNode> chunks = new ArrayList<>();
        for (String event : events.subList(0, events.size() - 1)) {
            chunks.add(JSON.readTree(event.substring("data: ".length())));
        }
        assertThat(chunks.getFirst().get("choices").get(0).get("delta").toString())
                .isEqualTo("{\"role\":\"assistant\",\"content\":\"\"}");
        JsonNode closing = chunks.getLast();
        assertThat(closing.get("choices").get(0).get("finish_reason").asText()).isEqualTo("stop");
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.get("id").asText()).isEqualTo(closing.get("id").asText());
            assertThat(chunk.get("object").asText()).isEqualTo("chat.completion.chunk");
            assertThat(chunk.get("model").asText()).isEqualTo(MODEL);
            assertThat(chunk.get("choices").get(0).has("finish_reason")).isTrue();
        });
        assertThat(chunks.stream().filter(chunk -> chunk.has("usage"))).containsExactly(closing);

        var text = new StringBuilder();
        chunks.forEach(chunk -> text.append(chunk.get("choices").get(0).get("delta").path("content").asText()));
        RequestRecord record = lastRecord();
        assertThat(closing.get("usage").get("completion_tokens").asInt())
                .isEqualTo(Tokens.count(text.toString())).isEqualTo(record.tokensSent());
        assertThat(record.stream()).isTrue();
    }

    @Test
    void modelsAreListedAndFetchedOneByOne() throws Exception {
        HttpResponse<String> list = get("/v1/models");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("content-type")).hasValue("application/json");
        JsonNode data = JSON.readTree(list.body()).get("data");
        assertThat(data.findValuesAsText("id"))
                .contains("mistral-large-latest", "mistral-medium-latest", "mistral-small-2506", MODEL,
                        "open-mistral-nemo", "codestral-latest", "ministral-8b-latest")
                .doesNotHaveDuplicates();

        HttpResponse<String> one = get("/v1/models/" + MODEL);
        assertThat(one.statusCode()).isEqualTo(200);
        JsonNode card = JSON.readTree(one.body());
        assertThat(card.get("id").asText()).isEqualTo(MODEL);
        assertThat(card.get("name").asText()).isEqualTo("mistral-small-2506");
        assertThat(card.get("aliases").toString()).isEqualTo("[\"mistral-small-2506\"]");
        assertThat(card.get("type").asText()).isEqualTo("base");
        assertThat(card.get("capabilities").get("function_calling").asBoolean()).isTrue();
    }

    /** The real API answers an unknown model with a 400, not a 404 (captured bodies carry {@code raw_status_code}). */
    @Test
    void unknownModelIsInvalidModel400() throws Exception {
        HttpResponse<String> chat = post("""
                {"model":"mistral-nonexistent","messages":[{"role":"user","content":"hi"}]}""", "sk-test");
        HttpResponse<String> card = get("/v1/models/mistral-nonexistent");

        String body = "{\"object\":\"error\",\"message\":\"Invalid model: mistral-nonexistent\","
                + "\"type\":\"invalid_model\",\"param\":null,\"code\":\"1500\",\"raw_status_code\":400}";
        assertThat(chat.statusCode()).isEqualTo(card.statusCode()).isEqualTo(400);
        assertThat(chat.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(chat.body()).isEqualTo(card.body()).isEqualTo(body);
        assertThat(sim.stats().requests("mistral-nonexistent")).singleElement()
                .extracting(RequestRecord::status).isEqualTo(400);
    }

    @Test
    void openAiOnlyFieldIsRejectedLikeTheRealApi() throws Exception {
        HttpResponse<String> response = post("""
                {"model":"mistral-small-latest","messages":[{"role":"user","content":"hi"}],"max_completion_tokens":5}""",
                "sk-test");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"detail\":[{\"type\":\"extra_forbidden\","
                + "\"loc\":[\"body\",\"max_completion_tokens\"],\"msg\":\"Extra inputs are not permitted\"}]}");
    }

    @Test
    void missingKeyIsUnauthorized() throws Exception {
        HttpResponse<String> response = post(chat(false, "hi"), null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"detail\":\"Unauthorized\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mistral-small-2506", "open-mistral-nemo", "mistral-tiny-latest", "codestral-latest",
            "ministral-8b-latest"})
    void aModelIsAnsweredUnderEachOfItsPublicNames(String name) throws Exception {
        HttpResponse<String> response = post(chat(false, "Say hi").replace(MODEL, name), "sk-test");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("model").asText()).isEqualTo(name);
        assertThat(sim.stats().requests(name)).hasSize(1);
    }

    private static String chat(boolean stream, String prompt) {
        return """
                {"model":"%s","messages":[{"role":"user","content":"%s"}],"stream":%s}""".formatted(MODEL, prompt, stream);
    }

    private static HttpResponse<String> post(String body, String key) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/v1/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .header("Authorization", "Bearer sk-test").GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static RequestRecord lastRecord() {
        return sim.stats().requests(MODEL).getLast();
    }
}
