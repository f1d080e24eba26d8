package io.github.asynccookbook.chapter05;

import io.github.asynccookbook.simulator.Simulator;
import io.github.asynccookbook.simulator.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark run as a user runs it, in its own JVM with the key in the environment: whatever shape the key has
 * and however the run fails, the key is in no output and no file, the error is one line and the exit is non-zero.
 */
class HostileKeysTest {

    private static final String SECRET = "hostile-secret";
    private static final String KEY = "AIzaSyC-" + SECRET + "-0123456789";

    @TempDir
    Path output;

    private record Run(int exit, String out, String err, String files) {
        String everything() {
            return out + err + files;
        }
    }

    private Run benchmark(Map<String, String> environment) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                Main.class.getName(), "--provider", "gemini", "--requests", "2", "--warmup", "0", "--modes",
                "sequential", "--timeout", "10", "--output", output.toString()));
        var process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        process.environment().remove("LLM_MODE");
        process.environment().putAll(environment);
        Path out = Files.createTempFile("bench", ".out");
        Path err = Files.createTempFile("bench", ".err");
        Process running = process.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(running.waitFor(120, TimeUnit.SECONDS)).as("the benchmark ended").isTrue();
        StringBuilder files = new StringBuilder();
        try (Stream<Path> written = Files.walk(output)) {
            for (Path file : written.filter(Files::isRegularFile).toList()) {
                files.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return new Run(running.exitValue(), Files.readString(out), Files.readString(err), files.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u201C" + KEY + "\u201D", "AIzaSyC-hostile\u0007secret-0123456789",
            "AIzaSyC-hostile\nsecret-0123456789", "AIzaSyC-hostile secret-0123456789", "\"" + KEY,
            KEY + "'", "AIzaSyC-hostile\u00e9secret-0123456789"})
    void aKeyNoProviderIssuedIsOneLineExitTwoAndShownNowhere(String pasted) throws Exception {
        Run run = benchmark(Map.of("LLM_MODE", "auto", "GOOGLE_API_KEY", pasted));

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString().contains("GOOGLE_API_KEY");
        assertThat(run.everything()).doesNotContain(SECRET).doesNotContain("hostile");
    }

    @Test
    void aKeyTheProviderRefusesIsNowhereInTheOutputOrTheFiles() throws Exception {
        try (Simulator provider = Simulator.start(SimulatorConfig.defaults().toBuilder()
                .timeScale(0.02).geminiApiKey("the-only-key-it-takes-0000").build())) {
            Run run = benchmark(Map.of("LLM_MODE", "live", "GOOGLE_API_KEY", KEY,
                    "GEMINI_BASE_URL", provider.geminiBaseUrl()));

            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.err().lines()).last().asString().startsWith("all 2 Gemini requests failed");
            assertThat(run.files()).as("the requests CSV was written").contains("sequential");
            assertThat(run.everything()).doesNotContain(SECRET);
        }
    }

    @Test
    void aKeyWithNoProviderToReachIsNowhereInTheOutputOrTheFiles() throws Exception {
        int closed;
        try (var socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Run run = benchmark(Map.of("LLM_MODE", "live", "GOOGLE_API_KEY", KEY,
                "GEMINI_BASE_URL", "http://127.0.0.1:" + closed + "/v1beta"));

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().lines()).last().asString().contains("cannot reach the provider");
        assertThat(run.everything()).doesNotContain(SECRET);
    }
}
