package io.github.asynccookbook.chapter09;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.asynccookbook.recipes.AskServer;
import io.github.asynccookbook.simulator.Protocol;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.Simulator;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every route and every error of both servers, against the simulator at a tenth of real time. What reached the
 * provider (requests, tokens, disconnects) is read from the simulator's ground truth, not guessed from timings.
 */
class HttpRoutesTest {

    /** Half the answer, then the stream stalls for ten minutes: still open whenever the test hangs up. */
    static final String STALLED = " [sim:fault=stall-stream] [sim:tokens=400]";
    static final String SHORT = " [sim:tokens=30]";

    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(c -> c.timeScale(0.1)
            .stallDuration(Duration.ofMinutes(100)));

    /** Heartbeats every 200 ms: a stalled stream shows some before its one-second deadline. */
    static final AskServer.Settings SETTINGS = AskServer.Settings.defaults().withHeartbeat(Duration.ofMillis(200));
    static final AskServer.Settings ONE_SECOND_DEADLINE = SETTINGS.withDeadline(Duration.ofSeconds(1));
    /** No heartbeat for ten minutes: a server that waited for a failed write would not notice a client leave. */
    static final AskServer.Settings NO_HEARTBEAT = SETTINGS.withHeartbeat(Duration.ofMinutes(10));
    /**
     * A stream that stalls after its first or second chunk (Gemini sends 20-60 tokens a chunk, Mistral 1-2: two to
     * five chunks, held after half of them). Once the client has read a token, the server has at most one more write
     * to make, and the first write to a closed connection does not fail: only watching the connection tells.
     */
    static String stalledEarly(String provider) {
        return " [sim:fault=stall-stream] [sim:tokens=" + (provider.equals("gemini") ? 100 : 4) + "]";
    }

    private static final Map<String, WebServer> RUNNING = new java.util.HashMap<>();

    static Http server(TestServers kind) {
        return server(kind, SETTINGS);
    }

    static synchronized Http server(TestServers kind, AskServer.Settings settings) {
        WebServer server = RUNNING.computeIfAbsent(kind + " " + settings,
                key -> kind.start(sim.simulator(), settings));
        return new Http(server.url());
    }

    @AfterAll
    static synchronized void stopServers() {
        RUNNING.values().forEach(WebServer::close);
        RUNNING.clear();
    }

    static Stream<Arguments> serversAndProviders() {
        return Stream.of(TestServers.values()).flatMap(server -> Stream.of("gemini", "mistral")
                .map(provider -> Arguments.of(server, provider)));
    }

    private static Simulator simulator() {
        return sim.simulator();
    }

    private static List<RequestRecord> requests(String provider) {
        Protocol protocol = Protocol.valueOf(provider.toUpperCase(Locale.ROOT));
        return simulator().stats().requests().stream().filter(r -> r.protocol() == protocol).toList();
    }

    @ParameterizedTest
    @EnumSource(TestServers.class)
    void healthNamesTheProviders(TestServers kind) {
        Http.Response health = server(kind).get("/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.contentType()).startsWith("application/json");
        assertThat(health.json().path("status").asText()).isEqualTo("ok");
        assertThat(health.json().path("providers").toString()).isEqualTo("[\"gemini\",\"mistral\"]");
    }

    @ParameterizedTest
    @EnumSource(TestServers.class)
    void thePageAndItsScriptAreServedWithAStrictContentSecurityPolicy(TestServers kind) {
        Http.Response page = server(kind).get("/");
        Http.Response script = server(kind).get("/ask.js");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<script src=\"ask.js\"></script>").contains("id=\"stop\"");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.contentType()).startsWith("text/javascript");
        assertThat(script.body()).contains("new EventSource(").doesNotContain("innerHTML");
    }

    @ParameterizedTest
    @MethodSource("serversAndProviders")
    void askAnswersJsonWithTheUsageTheProviderReported(TestServers kind, String provider) {
        Http.Response response = server(kind).askJson("What is Server-Sent Events?" + SHORT, provider);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode answer = response.json();
        assertThat(answer.path("answer").asText()).isNotBlank();
        assertThat(answer.path("provider").asText()).isEqualTo(provider);
        assertThat(answer.path("model").asText()).isNotBlank();
        assertThat(answer.path("latencyMs").asLong()).isPositive();
        RequestRecord seen = requests(provider).getFirst();
        assertThat(requests(provider)).hasSize(1);
        assertThat(answer.path("usage").path("outputTokens").asInt()).isEqualTo(seen.tokensSent()).isEqualTo(30);
        assertThat(answer.path("usage").path("inputTokens").asInt()).isEqualTo(seen.promptTokens());
    }

    @ParameterizedTest
    @MethodSource("serversAndProviders")
    void queryIsTheGetFormOfAsk(TestServers kind, String provider) {
        Http.Response response = server(kind).get("/query?provider=" + provider + "&q=Why%20stream%3F"
                + "%20%5Bsim%3Atokens%3D12%5D");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("provider").asText()).isEqualTo(provider);
        assertThat(response.json().path("usage").path("outputTokens").asInt()).isEqualTo(12);
        assertThat(requests(provider)).hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("serversAndProviders")
    void streamSendsTokenEventsThenDoneWithUsageAndTtft(TestServers kind, String provider) {
        Http.Response response = server(kind).get(Http.streamPath("Explain streaming." + SHORT, provider),
                "Accept", "text/event-stream");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/event-stream");
        List<Sse> events = Sse.parse(response.body());
        List<String> kinds = events.stream().map(Sse::event).filter(e -> !e.equals(Sse.COMMENT)).distinct().toList();
        assertThat(kinds).containsExactly("token", "done");
        JsonNode done = Http.JSON.valueToTree(parse(events.getLast().data()));
        assertThat(done.path("usage").path("outputTokens").asInt()).isEqualTo(30);
        assertThat(done.path("ttftMs").asLong()).isPositive().isLessThanOrEqualTo(done.path("latencyMs").asLong());
        // Chunks keep their leading spaces and line breaks: the text is the answer POST /ask gives.
        assertThat(Sse.text(events)).isNotBlank().isEqualTo(server(kind).askJson("Explain streaming." + SHORT,
                provider).json().path("answer").asText());
        RequestRecord seen = requests(provider).getFirst();
        assertThat(seen.stream()).isTrue();
        assertThat(seen.tokensSent()).isEqualTo(30);
        assertThat(seen.clientDisconnected()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("serversAndProviders")
    void streamIsServerSentEventsWhenTheClientNamesNoType(TestServers kind, String provider) {
        Http http = server(kind);
        Http.Response sse = http.get(Http.streamPath("Explain streaming." + SHORT, provider),
                "Accept", "text/event-stream");
        Http.Response any = http.get(Http.streamPath("Explain streaming." + SHORT, provider), "Accept", "*/*");

        assertThat(any.contentType()).startsWith("text/event-stream");
        assertThat(Sse.text(Sse.parse(any.body()))).isEqualTo(Sse.text(Sse.parse(sse.body()))).isNotBlank();
    }

    @ParameterizedTest
    @MethodSource("serversAndProviders")
    void streamIsPlainTextWhenTheClientAsksForIt(TestServers kind, String provider) {
        Http http = server(kind);
        Http.Response sse = http.get(Http.streamPath("Explain streaming." + SHORT, provider),
                "Accept", "text/event-stream");
        Http.Response text = http.get(Http.streamPath("Explain streaming." + SHORT, provider),
                "Accept", "text/plain");

        assertThat(text.status()).isEqualTo(200);
        assertThat(text.contentType()).startsWith("text/plain");
        // The simulator is deterministic: the same question gets the same answer, here without any SSE framing.
        assertThat(text.body()).isEqualTo(Sse.text(Sse.parse(sse.body())));
    }

    static Stream<Arguments> badRequests() {
        String tooLong = "x".repeat(AskServer.MAX_QUESTION_BYTES + 1);
        List<Arguments> cases = new ArrayList<>();
        for (TestServers kind : TestServers.values()) {
            cases.add(Arguments.of(kind, "POST", "{\"question\": \"\", \"provider\": \"gemini\"}", "empty"));
            cases.add(Arguments.of(kind, "POST", "{\"question\": \"   \"}", "empty"));
            cases.add(Arguments.of(kind, "POST", "{\"question\": \"" + tooLong + "\"}", "longer than 8 KB"));
            cases.add(Arguments.of(kind, "POST", "question=hello", "not JSON"));
            cases.add(Arguments.of(kind, "POST", "[1, 2]", "not a JSON object"));
            cases.add(Arguments.of(kind, "POST", "{\"question\": 42}", "must be strings"));
            cases.add(Arguments.of(kind, "POST", "{\"question\": \"hi\", \"provider\": \"openai\"}",
                    "unknown provider 'openai': use gemini or mistral"));
            cases.add(Arguments.of(kind, "GET", "/stream?provider=gemini&question=", "empty"));
            cases.add(Arguments.of(kind, "GET", "/stream?question=hi&provider=claude", "unknown provider 'claude'"));
            cases.add(Arguments.of(kind, "GET", "/stream?question=hi", "unknown provider ''"));
            cases.add(Arguments.of(kind, "GET", "/stream?provider=mistral&question=" + tooLong, "longer than 8 KB"));
            cases.add(Arguments.of(kind, "GET", "/query?q=", "empty"));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("badRequests")
    void badInputIsA400WithAJsonErrorAndNeverReachesTheProvider(TestServers kind, String method, String bodyOrPath,
                                                                 String message) {
        Http http = server(kind);
        Http.Response response = method.equals("POST")
                ? http.post("/ask", bodyOrPath, "Content-Type", "application/json")
                : http.get(bodyOrPath, "Accept", "text/event-stream");

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.json().path("error").asText()).contains(message);
        assertThat(simulator().stats().requests()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("serversAndProviders")
    void leavingAStreamStopsTheProvidersStreamThoughNothingIsWritten(TestServers kind, String provider)
            throws IOException {
        String question = "Tell me a long story." + stalledEarly(provider);
        try (Http.OpenStream stream = server(kind, NO_HEARTBEAT).open(Http.streamPath(question, provider))) {
            assertThat(stream.status).isEqualTo(200);
            assertThat(stream.readUntilEvent("token")).isTrue();
        }

        theProviderSawItsClientLeave(provider);
    }

    @ParameterizedTest
    @MethodSource("serversAndProviders")
    void hangingUpWhileWaitingForAnAnswerStopsTheProvidersStream(TestServers kind, String provider)
            throws IOException {
        String body = Http.JSON.createObjectNode().put("question", "Tell me a long story." + stalledEarly(provider))
                .put("provider", provider).toString();
        try (Socket waiting = server(kind, NO_HEARTBEAT).postAndWait("/ask", body)) {
            // LangChain4j can cancel a stream from its first chunk on: wait for the simulator to have sent it.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(requests(provider))
                    .singleElement().satisfies(r -> assertThat(r.tokensSent()).isPositive()));
            assertThat(waiting.isConnected()).isTrue();
        }

        theProviderSawItsClientLeave(provider);
    }

    @ParameterizedTest
    @MethodSource("serversAndProviders")
    void aKeptAliveConnectionAnswersOneQuestionAfterAnother(TestServers kind, String provider) throws IOException {
        String ask = Http.JSON.createObjectNode().put("question", "Short one." + SHORT).put("provider", provider)
                .toString();

        // Javalin watches the connection while an answer is on its way: it must hand it back for the next request.
        List<String> answers = server(kind).postEachOnOneConnection("/ask", ask, ask, ask);

        assertThat(answers).hasSize(3).allSatisfy(answer -> assertThat(answer).startsWith("HTTP/1.1 200 "));
        assertThat(requests(provider)).hasSize(3).noneMatch(RequestRecord::clientDisconnected);
    }

    /** Within seconds, not at the ten-minute heartbeat or the one-minute deadline: the hang-up itself was seen. */
    private static void theProviderSawItsClientLeave(String provider) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(requests(provider)).singleElement().satisfies(r -> {
                    assertThat(r.clientDisconnected()).isTrue();
                    assertThat(r.tokensSent()).isLessThan(r.plannedTokens());
                }));
    }

    @ParameterizedTest
    @MethodSource("serversAndProviders")
    void moreStreamsThanAllowedFromOneClientGetA429WithRetryAfter(TestServers kind, String provider)
            throws IOException {
        Http http = server(kind);
        int allowed = AskServer.Settings.defaults().streamsPerClient();
        List<Http.OpenStream> open = new ArrayList<>();
        try {
            for (int i = 0; i < allowed; i++) {
                Http.OpenStream stream = http.open(Http.streamPath("Story number " + i + STALLED, provider));
                open.add(stream);
                assertThat(stream.readUntilEvent("token")).isTrue();
            }
            Http.Response refused = http.get(Http.streamPath("One more." + SHORT, provider),
                    "Accept", "text/event-stream");

            assertThat(refused.status()).as("%s %s", refused.body(), requests(provider)).isEqualTo(429);
            assertThat(refused.header("Retry-After")).isEqualTo("2");
            assertThat(refused.json().path("error").asText()).contains("too many streams");
            assertThat(requests(provider)).hasSize(allowed);
        } finally {
            for (Http.OpenStream stream : open) {
                stream.close();
            }
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(requests(provider))
                .allSatisfy(r -> assertThat(r.clientDisconnected()).isTrue()));
        // The slots are given back: a stream is accepted again.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(http.get(Http.streamPath("Again."
                + SHORT, provider), "Accept", "text/event-stream").status()).isEqualTo(200));
    }

    static Stream<Arguments> upstreamFailures() {
        return serversAndProviders().flatMap(args -> Stream.of("429", "500", "503")
                .map(fault -> Arguments.of(args.get()[0], args.get()[1], fault)));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("upstreamFailures")
    void anUpstreamErrorIsA502WithTheProvidersReason(TestServers kind, String provider, String fault) {
        Http.Response response = server(kind).askJson("Hello [sim:fault=" + fault + "]", provider);

        assertThat(response.status()).isEqualTo(502);
        JsonNode error = response.json();
        assertThat(error.path("upstreamStatus").asInt()).isEqualTo(Integer.parseInt(fault));
        assertThat(error.path("provider").asText()).isEqualTo(provider);
        assertThat(error.path("error").asText()).startsWith(provider + " answered " + fault + ": ")
                .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("{");
        assertThat(requests(provider)).singleElement().extracting(RequestRecord::status)
                .isEqualTo(Integer.parseInt(fault));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("upstreamFailures")
    void anUpstreamErrorEndsTheStreamWithAnErrorEvent(TestServers kind, String provider, String fault) {
        Http.Response response = server(kind).get(Http.streamPath("Hello [sim:fault=" + fault + "]", provider),
                "Accept", "text/event-stream");

        assertThat(response.status()).isEqualTo(200);   // the stream had started: the error is an event
        List<Sse> events = Sse.parse(response.body()).stream().filter(e -> !e.event().equals(Sse.COMMENT)).toList();
        assertThat(events).singleElement().extracting(Sse::event).isEqualTo("error");
        JsonNode error = Http.JSON.valueToTree(parse(events.getFirst().data()));
        assertThat(error.path("upstreamStatus").asInt()).isEqualTo(Integer.parseInt(fault));
        assertThat(error.path("error").asText()).startsWith(provider + " answered " + fault + ": ");
    }

    @ParameterizedTest
    @MethodSource("serversAndProviders")
    void anAnswerStillRunningAtTheDeadlineIsA504AndTheProvidersStreamIsClosed(TestServers kind, String provider) {
        Http.Response response = server(kind, ONE_SECOND_DEADLINE).askJson("Slow one." + STALLED, provider);

        assertThat(response.status()).isEqualTo(504);
        assertThat(response.json().path("error").asText())
                .isEqualTo("no complete answer from " + provider + " within 1 s");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(requests(provider)).singleElement()
                .satisfies(r -> assertThat(r.clientDisconnected()).isTrue()));
    }

    @ParameterizedTest
    @MethodSource("serversAndProviders")
    void aStalledStreamSendsHeartbeatsThenAnErrorEventAtTheDeadline(TestServers kind, String provider) {
        Http.Response response = server(kind, ONE_SECOND_DEADLINE).get(Http.streamPath("Slow one." + STALLED,
                provider), "Accept", "text/event-stream");

        List<Sse> events = Sse.parse(response.body());
        assertThat(events.stream().map(Sse::event)).contains("token").contains(Sse.COMMENT)
                .last().isEqualTo("error");
        assertThat(events.stream().filter(e -> e.event().equals(Sse.COMMENT)).map(Sse::data)).contains("heartbeat");
        JsonNode error = Http.JSON.valueToTree(parse(events.getLast().data()));
        assertThat(error.path("status").asInt()).isEqualTo(504);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(requests(provider)).singleElement()
                .satisfies(r -> assertThat(r.clientDisconnected()).isTrue()));
    }

    @ParameterizedTest
    @EnumSource(TestServers.class)
    void noKeyReachesAClient(TestServers kind) {
        String key = "not-a-real-key-0123456789";
        AskServer.Failure failure = AskServer.failure("gemini",
                new IllegalStateException("GET https://example.test/v1beta/models?key=" + key + " refused"));

        assertThat(failure.error()).doesNotContain(key).contains("key=***");
        assertThat(AskServer.scrub("Authorization: Bearer " + key)).doesNotContain(key);
        assertThat(server(kind).get("/").body() + server(kind).get("/ask.js").body()
                + server(kind).get("/health").body()).doesNotContain(simulator().config().geminiApiKey() == null
                ? key : simulator().config().geminiApiKey());
    }

    private static Object parse(String json) {
        try {
            return Http.JSON.readValue(json, Object.class);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
