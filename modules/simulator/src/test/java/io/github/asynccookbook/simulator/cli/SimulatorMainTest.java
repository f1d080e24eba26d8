package io.github.asynccookbook.simulator.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatorMainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void badOptionsGiveOneLineAndUsageWithExitCode2() {
        int exit = SimulatorMain.run(new String[]{"--tier", "gold"}, new PrintWriter(out), new PrintWriter(err),
                new CountDownLatch(0));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().lines().findFirst()).hasValueSatisfying(line ->
                assertThat(line).contains("unknown tier 'gold'"));
        assertThat(err.toString()).contains("Usage: simulator");
        assertThat(err.toString()).doesNotContain("Exception");
    }

    @Test
    void invalidValuesAreUsageErrorsToo() {
        int exit = SimulatorMain.run(new String[]{"--time-scale", "-1"}, new PrintWriter(out), new PrintWriter(err),
                new CountDownLatch(0));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("time scale must be a finite number >= 0");
    }

    @Test
    void helpExitsZero() {
        int exit = SimulatorMain.run(new String[]{"--help"}, new PrintWriter(out), new PrintWriter(err),
                new CountDownLatch(0));

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("--time-scale", "--tier", "--seed", "--fault-503", "--api-key");
    }

    @Test
    void printsBothBaseUrlsAndAnswersUntilStopped() throws Exception {
        var stop = new CountDownLatch(1);
        var writer = new PrintWriter(out, true);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> SimulatorMain.run(
                new String[]{"--port", "0", "--time-scale", "0", "--api-key", "secret"}, writer,
                new PrintWriter(err), stop));

        String geminiBase = awaitMatch(Pattern.compile("Gemini  base URL: (\\S+)"));
        assertThat(out.toString()).contains("Mistral base URL: http://127.0.0.1:", "curl -s", "-H 'x-goog-api-key: $KEY'");
        HttpResponse<String> models = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(geminiBase + "/models")).header("x-goog-api-key", "secret").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(models.statusCode()).isEqualTo(200);
        assertThat(models.body()).contains("models/gemini-2.5-flash");

        stop.countDown();
        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
    }

    private String awaitMatch(Pattern pattern) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            Matcher matcher = pattern.matcher(out.toString());
            if (matcher.find()) {
                return matcher.group(1);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no match for " + pattern + " in:\n" + out);
    }
}
