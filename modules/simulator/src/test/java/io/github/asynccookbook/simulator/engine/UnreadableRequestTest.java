package io.github.asynccookbook.simulator.engine;

import io.github.asynccookbook.simulator.Simulator;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests the simulator cannot read get the provider's own refusal, never a 500 or an empty answer. */
class UnreadableRequestTest {

    private static final int LIMIT = 64 * 1024;
    private static final String GEMINI = "/v1beta/models/gemini-2.5-flash:generateContent";

    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(c -> c.maxRequestBytes(LIMIT));

    @ParameterizedTest
    @ValueSource(strings = {"%%%", "%zz", "%", "a=%E0%A4%A"})
    void aMalformedQueryGetsEachApisOwn400(String query) {
        RawSocket.Response gemini = get("/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse&x=" + query,
                "x-goog-api-key: k");
        RawSocket.Response geminiList = get("/v1beta/models?" + query, "x-goog-api-key: k");
        RawSocket.Response mistral = get("/v1/models?" + query, "Authorization: Bearer k");
        RawSocket.Response admin = get("/_sim/stats?" + query, "Accept: */*");

        assertThat(gemini.status()).isEqualTo(400);
        assertThat(gemini.body()).contains("\"status\": \"INVALID_ARGUMENT\"",
                "\"message\": \"Invalid query string: malformed percent-encoding.\"");
        assertThat(geminiList.body()).isEqualTo(gemini.body().substring(1, gemini.body().length() - 2) + "\n");
        assertThat(mistral.status()).isEqualTo(400);
        assertThat(mistral.body()).isEqualTo("{\"object\":\"error\",\"message\":\"Invalid query string: malformed "
                + "percent-encoding.\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null,\"raw_status_code\":400}");
        assertThat(admin.status()).isEqualTo(400);
        assertThat(admin.body()).isEqualTo("{\"error\": \"Invalid query string: malformed percent-encoding.\"}\n");
    }

    @Test
    void aDeclaredSizeOverTheLimitIsRefusedBeforeAnyOfTheBodyIsSent() {
        // The body never follows the headers: a server waiting for it would never answer.
        RawSocket.Response gemini = answerWithoutBody(post(GEMINI, LIMIT + 1, "x-goog-api-key: k"));
        RawSocket.Response mistral = answerWithoutBody(post("/v1/chat/completions", LIMIT + 1,
                "Authorization: Bearer k"));

        assertThat(gemini.status()).isEqualTo(400);
        assertThat(gemini.body()).isEqualTo("""
                {
                  "error": {
                    "code": 400,
                    "message": "Request payload size exceeds the limit: 65536 bytes.",
                    "status": "INVALID_ARGUMENT"
                  }
                }
                """);
        assertThat(mistral.status()).isEqualTo(413);
        assertThat(mistral.body()).isEqualTo("{\"detail\":\"Request Entity Too Large\"}");
        assertThat(sim.simulator().stats().requests()).isEmpty();
    }

    @Test
    void aChunkedBodyIsRefusedOnceItPassesTheLimit() {
        try (RawSocket socket = RawSocket.open(port())) {
            socket.send("POST " + GEMINI + " HTTP/1.1\r\nHost: sim\r\nx-goog-api-key: k\r\n"
                    + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
            String chunk = "a".repeat(8 * 1024);
            for (int sent = 0; sent <= 2 * LIMIT; sent += chunk.length()) {
                socket.send(Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n");
            }
            socket.send("0\r\n\r\n");

            RawSocket.Response response = socket.readUntilClosed();
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).contains("Request payload size exceeds the limit: 65536 bytes.");
        }
    }

    @Test
    void aBodyAtTheLimitIsAnswered() {
        String prompt = "Why do some birds migrate?";
        String json = RawHttp.mistralBody(prompt, false);
        String padded = json.substring(0, json.length() - 1) + " ".repeat(LIMIT - json.length()) + "}";
        assertThat(padded.getBytes(StandardCharsets.UTF_8)).hasSize(LIMIT);

        RawSocket.Response response = RawSocket.exchange(port(), "POST /v1/chat/completions HTTP/1.1\r\nHost: sim\r\n"
                + "Authorization: Bearer k\r\nContent-Type: application/json\r\nConnection: close\r\n"
                + "Content-Length: " + LIMIT + "\r\n\r\n" + padded);

        assertThat(response.status()).isEqualTo(200);
    }

    private static RawSocket.Response answerWithoutBody(String headers) {
        try (RawSocket socket = RawSocket.open(port())) {
            socket.send(headers);
            return socket.readOne();
        }
    }

    private static RawSocket.Response get(String pathAndQuery, String header) {
        return RawSocket.exchange(port(), "GET " + pathAndQuery + " HTTP/1.1\r\nHost: sim\r\n" + header + "\r\n"
                + "Connection: close\r\n\r\n");
    }

    private static String post(String path, long contentLength, String auth) {
        return "POST " + path + " HTTP/1.1\r\nHost: sim\r\n" + auth + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + contentLength + "\r\n\r\n";
    }

    private static int port() {
        Simulator simulator = sim.simulator();
        return simulator.port();
    }
}
