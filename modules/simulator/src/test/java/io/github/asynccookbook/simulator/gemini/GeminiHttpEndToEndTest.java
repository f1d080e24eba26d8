package io.github.asynccookbook.simulator.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Gemini routes over real HTTP, as a plain JDK client sees them: statuses, headers and exact framing. */
class GeminiHttpEndToEndTest {

    private static final String KEY = "sim-gemini-key";
    private static final String PROMPT = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"%s\"}]}]}";

    @RegisterExtension
    static final SimulatorExtension SIM = SimulatorExtension.configured(c -> c.geminiApiKey(KEY));

    /** The JDK default (HTTP/2 preferred, h2c upgrade headers on http://), like LangChain4j's client. */
    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @ValueSource(strings = {"/v1beta", "/v1", "/some/proxy/v1beta"})
    void answersUnaryCallsUnderAnyPrefix(String prefix) throws Exception {
        HttpResponse<String> response = post(prefix + "/models/gemini-2.5-flash:generateContent", prompt("Say hi"), KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json; charset=UTF-8");
        assertThat(response.headers().firstValue("x-content-type-options")).hasValue("nosniff");
        assertThat(response.body()).startsWith("{\n  \"candidates\": [\n").endsWith("}\n");
        JsonNode body = json(response.body());
        assertThat(body.at("/candidates/0/content/role").textValue()).isEqualTo("model");
        assertThat(body.at("/candidates/0/content/parts/0/text").textValue()).isNotBlank();
        assertThat(body.at("/candidates/0/finishReason").textValue()).isEqualTo("STOP");
        assertThat(body.at("/modelVersion").textValue()).isEqualTo("gemini-2.5-flash");
        assertThat(body.at("/responseId").textValue()).matches("[A-Za-z0-9_-]{23}");
        RequestRecord record = onlyRecord();
        assertThat(body.at("/usageMetadata/promptTokenCount").intValue()).isEqualTo(record.promptTokens());
        assertThat(body.at("/usageMetadata/candidatesTokenCount").intValue()).isEqualTo(record.tokensSent());
        assertThat(body.at("/usageMetadata/totalTokenCount").intValue()).isEqualTo(record.promptTokens() + record.tokensSent());
    }

    @Test
    void acceptsTheKeyAsAQueryParameter() throws Exception {
        var request = HttpRequest.newBuilder(uri("/v1beta/models/gemini-2.5-flash:generateContent?key=" + KEY))
                .POST(HttpRequest.BodyPublishers.ofString(prompt("hello"))).build();

        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    @Test
    void streamsSseEventsFramedExactlyLikeGemini() throws Exception {
        HttpResponse<String> response = post("/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse",
                prompt("Tell me a story [sim:tokens=120]"), KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("text/event-stream");
        String wire = response.body();
        assertThat(wire).startsWith("data: {\"candidates\": [").endsWith("}\r\n\r\n").doesNotContain("[DONE]");
        String[] events = wire.substring(0, wire.length() - 4).split("\r\n\r\n", -1);
        assertThat(events).hasSizeGreaterThan(1).allSatisfy(e -> assertThat(e).startsWith("data: {").doesNotContain("\n"));
        var usage = new ArrayList<Integer>();
        var ids = new ArrayList<String>();
        for (int i = 0; i < events.length; i++) {
            JsonNode chunk = json(events[i].substring("data: ".length()));
            usage.add(chunk.at("/usageMetadata/candidatesTokenCount").intValue());
            ids.add(chunk.get("responseId").textValue());
            assertThat(chunk.at("/candidates/0/finishReason").isMissingNode()).isEqualTo(i < events.length - 1);
        }
        assertThat(usage).isSorted().doesNotHaveDuplicates();
        assertThat(usage.getLast()).isEqualTo(120).isEqualTo(onlyRecord().tokensSent());
        assertThat(ids).containsOnly(ids.getFirst());
    }

    @Test
    void streamsAJsonArrayWithoutAltSse() throws Exception {
        HttpResponse<String> response = post("/v1beta/models/gemini-2.0-flash:streamGenerateContent",
                prompt("Describe the sea [sim:tokens=80]"), KEY);

        assertThat(response.headers().firstValue("content-type")).hasValue("application/json; charset=UTF-8");
        String body = response.body();
        assertThat(body).startsWith("[{\n  \"candidates\"").endsWith("}\n]");
        JsonNode chunks = json(body);
        assertThat(chunks.size()).isEqualTo(body.split("\n,\r\n").length).isGreaterThan(1);
        assertThat(chunks.get(chunks.size() - 1).at("/usageMetadata/candidatesTokenCount").intValue()).isEqualTo(80);
    }

    /** Without {@code alt=sse} even a refusal comes as the stream's array: {@code [{"error": …}\n]}. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            wrong key     | gemini-2.5-flash | hello             | other-key | 400
            unknown model | gemini-9         | hello             | KEY       | 404
            forced 429    | gemini-2.5-flash | [sim:fault=429]   | KEY       | 429
            """)
    void wrapsErrorsOfTheJsonArrayStreamInTheArray(String name, String model, String text, String key, int status)
            throws Exception {
        HttpResponse<String> array = post("/v1beta/models/" + model + ":streamGenerateContent", prompt(text),
                "KEY".equals(key) ? KEY : key);
        HttpResponse<String> sse = post("/v1beta/models/" + model + ":streamGenerateContent?alt=sse", prompt(text),
                "KEY".equals(key) ? KEY : key);

        assertThat(array.statusCode()).isEqualTo(sse.statusCode()).isEqualTo(status);
        assertThat(array.headers().firstValue("content-type")).hasValue("application/json; charset=UTF-8");
        assertThat(sse.body()).startsWith("{\n  \"error\": {\n    \"code\": " + status + ",\n").endsWith("}\n");
        assertThat(array.body()).isEqualTo("[" + sse.body().stripTrailing() + "\n]");
    }

    @Test
    void listsAndPagesModelsUnderBothVersions() throws Exception {
        JsonNode all = json(get("/v1beta/models", KEY).body());
        JsonNode firstPage = json(get("/v1/models?pageSize=6", KEY).body());
        JsonNode secondPage = json(get("/v1/models?pageSize=6&pageToken=" + firstPage.get("nextPageToken").textValue(), KEY).body());

        assertThat(all.get("models")).extracting(m -> m.get("name").textValue())
                .allMatch(name -> name.startsWith("models/gemini-")).hasSize(10).contains("models/gemini-flash-latest");
        assertThat(firstPage.get("models")).hasSize(6);
        assertThat(secondPage.get("models")).hasSize(4);
        assertThat(secondPage.has("nextPageToken")).isFalse();
    }

    @Test
    void describesOneModel() throws Exception {
        HttpResponse<String> response = get("/v1beta/models/gemini-2.5-pro", KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response.body()).get("name").textValue()).isEqualTo("models/gemini-2.5-pro");
        assertThat(get("/v1beta/models/gemini-9", KEY).statusCode()).isEqualTo(404);
    }

    @Test
    void countsTokens() throws Exception {
        HttpResponse<String> response = post("/v1beta/models/gemini-2.5-flash:countTokens", prompt("one two three"), KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response.body()).get("totalTokens").intValue()).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no key          | /v1beta/models/gemini-2.5-flash:generateContent | {"contents":[{"parts":[{"text":"x"}]}]}        |            | 403 | PERMISSION_DENIED
            wrong key       | /v1beta/models/gemini-2.5-flash:generateContent | {"contents":[{"parts":[{"text":"x"}]}]}        | other-key  | 400 | INVALID_ARGUMENT
            unknown field   | /v1beta/models/gemini-2.5-flash:generateContent | {"contents":[{"parts":[{"text":"x"}]}],"n":1}  | KEY        | 400 | INVALID_ARGUMENT
            malformed JSON  | /v1beta/models/gemini-2.5-flash:generateContent | {"contents":[                                  | KEY        | 400 | INVALID_ARGUMENT
            unknown model   | /v1beta/models/gemini-9:generateContent         | {"contents":[{"parts":[{"text":"x"}]}]}        | KEY        | 404 | NOT_FOUND
            unknown method  | /v1beta/models/gemini-2.5-flash:embedContent    | {"contents":[{"parts":[{"text":"x"}]}]}        | KEY        | 404 | NOT_FOUND
            forced 500      | /v1beta/models/gemini-2.5-flash:generateContent | {"contents":[{"parts":[{"text":"[sim:fault=500]"}]}]} | KEY | 500 | INTERNAL
            forced 503      | /v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse | {"contents":[{"parts":[{"text":"[sim:fault=503]"}]}]} | KEY | 503 | UNAVAILABLE
            """)
    void answersFailuresInGooglesEnvelope(String name, String path, String body, String key, int status,
                                          String canonical) throws Exception {
        HttpResponse<String> response = post(path, body, "KEY".equals(key) ? KEY : key);

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json; charset=UTF-8");
        JsonNode error = json(response.body()).get("error");
        assertThat(error.get("code").intValue()).isEqualTo(status);
        assertThat(error.get("status").textValue()).isEqualTo(canonical);
        assertThat(error.get("message").textValue()).isNotBlank();
    }

    @Test
    void countsARequestRefusedForItsKeyUnderTheModelItsPathNames() throws Exception {
        post("/v1beta/models/gemini-2.5-flash:generateContent", prompt("Say hi"), "other-key");

        assertThat(SIM.simulator().stats().model("gemini-2.5-flash").count(400)).isEqualTo(1);
    }

    @Test
    void sendsA429WithRetryInfoAndNoRetryAfter() throws Exception {
        HttpResponse<String> response = post("/v1beta/models/gemini-2.5-flash:generateContent",
                prompt("[sim:fault=429]"), KEY);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().map().keySet()).noneMatch(h -> h.equalsIgnoreCase("retry-after")
                || h.toLowerCase().startsWith("x-ratelimit"));
        JsonNode details = json(response.body()).at("/error/details");
        assertThat(details).extracting(d -> d.get("@type").textValue()).containsExactly(
                "type.googleapis.com/google.rpc.Help", "type.googleapis.com/google.rpc.QuotaFailure",
                "type.googleapis.com/google.rpc.RetryInfo");
        assertThat(details.at("/2/retryDelay").textValue()).matches("\\d+(\\.\\d{3}|\\.\\d{6}|\\.\\d{9})?s");
    }

    @Test
    void namesTheApiVersionInModelNotFoundMessages() throws Exception {
        HttpResponse<String> response = post("/v1/models/gemini-9:generateContent", prompt("x"), KEY);

        assertThat(json(response.body()).at("/error/message").textValue())
                .startsWith("models/gemini-9 is not found for API version v1, or is not supported for generateContent.");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -5})
    void refusesAMaxOutputTokensBelowOne(int maxOutputTokens) throws Exception {
        HttpResponse<String> response = post("/v1beta/models/gemini-2.0-flash:generateContent",
                "{\"contents\":[{\"parts\":[{\"text\":\"hi\"}]}],\"generationConfig\":{\"maxOutputTokens\":"
                        + maxOutputTokens + "}}", KEY);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("""
                {
                  "error": {
                    "code": 400,
                    "message": "Unable to submit request because it has a maxOutputTokens value of %d but the \
                supported range is from 1 (inclusive) to 8193 (exclusive). Update the value and try again.",
                    "status": "INVALID_ARGUMENT"
                  }
                }
                """.formatted(maxOutputTokens));
    }

    @Test
    void aLatestAliasAnswersAsItsModelAndIsCountedUnderItsOwnName() throws Exception {
        HttpResponse<String> answer = post("/v1beta/models/gemini-flash-latest:generateContent", prompt("Say hi"), KEY);
        JsonNode model = json(get("/v1beta/models/gemini-flash-latest", KEY).body());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(json(answer.body()).get("modelVersion").textValue()).isEqualTo("gemini-flash-latest");
        assertThat(onlyRecord().model()).isEqualTo("gemini-flash-latest");
        assertThat(SIM.simulator().stats().model("gemini-flash-latest").count(200)).isEqualTo(1);
        assertThat(model.get("displayName").textValue()).isEqualTo("Gemini Flash Latest");
        assertThat(model.get("outputTokenLimit").intValue()).isEqualTo(65_536);
    }

    private RequestRecord onlyRecord() {
        List<RequestRecord> requests = SIM.simulator().stats().requests();
        assertThat(requests).hasSize(1);
        return requests.getFirst();
    }

    private HttpResponse<String> post(String path, String body, String key) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(uri(path)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null && !key.isBlank()) {
            request.header("x-goog-api-key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String key) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("x-goog-api-key", key).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create(SIM.simulator().baseUrl() + path);
    }

    private static String prompt(String text) {
        return PROMPT.formatted(text);
    }

    private static JsonNode json(String text) throws IOException {
        return GoogleJson.MAPPER.readTree(text);
    }
}
