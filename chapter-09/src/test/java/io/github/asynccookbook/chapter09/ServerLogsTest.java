package io.github.asynccookbook.chapter09;

import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.Simulator;
import io.github.asynccookbook.simulator.SimulatorConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The server command run as a user runs it, in its own JVM with both keys in the environment and {@code --verbose}:
 * answers, provider failures, bad input and clients hanging up all happen, and neither key is in anything the
 * process printed or logged, up to its stop.
 */
class ServerLogsTest {

    private static final String GEMINI_SECRET = "gemini-secret-7f3a9c";
    private static final String MISTRAL_SECRET = "mistral-secret-2b8e41";
    private static final String GEMINI_KEY = "AIzaSyC-" + GEMINI_SECRET + "-0123456789";
    private static final String MISTRAL_KEY = "mk-" + MISTRAL_SECRET + "-0123456789abcdef";
    private static final Pattern URL = Pattern.compile("open (http://\\S+)/ ");

    private static Simulator provider;

    @BeforeAll
    static void startProvider() {
        provider = Simulator.start(SimulatorConfig.defaults().toBuilder().timeScale(0.1)
                .stallDuration(Duration.ofMinutes(100)).geminiApiKey(GEMINI_KEY).mistralApiKey(MISTRAL_KEY).build());
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"javalin", "spring"})
    void neitherKeyIsInTheServersOutput(String server) throws Exception {
        provider.reset();
        Path out = Files.createTempFile("server", ".out");
        Path err = Files.createTempFile("server", ".err");
        var command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                Main.class.getName(), "--server", server, "--port", "0", "--deadline", "2", "--verbose")
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        command.environment().putAll(java.util.Map.of("LLM_MODE", "live", "GOOGLE_API_KEY", GEMINI_KEY,
                "MISTRAL_API_KEY", MISTRAL_KEY, "GEMINI_BASE_URL", provider.geminiBaseUrl(),
                "MISTRAL_BASE_URL", provider.mistralBaseUrl()));
        Process running = command.start();
        try {
            String url = await().atMost(Duration.ofSeconds(60)).until(() -> {
                Matcher announced = URL.matcher(Files.readString(out));
                return announced.find() ? announced.group(1) : null;
            }, found -> found != null);
            exercise(new Http(url));
        } finally {
            running.destroy();   // SIGTERM, as Ctrl-C: the server stops before the JVM does
            assertThat(running.waitFor(30, TimeUnit.SECONDS)).as("the server stopped").isTrue();
        }

        String printed = Files.readString(out) + Files.readString(err);
        assertThat(printed).contains("stopped");
        assertThat(provider.stats().requests()).as("both keys were used")
                .anySatisfy(r -> assertThat(r.status()).isEqualTo(200))
                .extracting(RequestRecord::protocol).hasSameElementsAs(List.of(
                        io.github.asynccookbook.simulator.Protocol.GEMINI,
                        io.github.asynccookbook.simulator.Protocol.MISTRAL));
        assertThat(printed).doesNotContain(GEMINI_SECRET).doesNotContain(MISTRAL_SECRET);
    }

    /** Every path that could log: answers, failures, refusals, a stream and a wait abandoned, the deadline. */
    private static void exercise(Http http) throws IOException {
        List<Integer> statuses = new ArrayList<>();
        for (String provider : List.of("gemini", "mistral")) {
            statuses.add(http.askJson("Hello there. [sim:tokens=10]", provider).status());
            statuses.add(http.askJson("Busy? [sim:fault=429]", provider).status());
            statuses.add(http.askJson("Broken? [sim:fault=503]", provider).status());
            statuses.add(http.get(Http.streamPath("Stream it. [sim:fault=500]", provider)).status());
            statuses.add(http.askJson("", provider).status());
            statuses.add(http.askJson("Too slow. [sim:fault=stall-stream] [sim:tokens=400]", provider).status());
            try (Http.OpenStream stream = http.open(Http.streamPath("Leave me. " + HttpRoutesTest.stalledEarly(
                    provider), provider))) {
                assertThat(stream.readUntilEvent("token")).isTrue();
            }
            try (Socket waiting = http.postAndWait("/ask", "{\"question\": \"Leave me too. [sim:fault=stall-stream]"
                    + " [sim:tokens=400]\", \"provider\": \"" + provider + "\"}")) {
                await().atMost(Duration.ofSeconds(10)).until(() -> provider().stats().requests().stream()
                        .anyMatch(r -> r.tokensSent() > 0 && r.completionMillis() == null));
            }
        }
        statuses.add(http.post("/ask", "not json").status());
        assertThat(statuses).containsExactly(200, 502, 502, 200, 400, 504, 200, 502, 502, 200, 400, 504, 400);
    }

    private static Simulator provider() {
        return provider;
    }
}
