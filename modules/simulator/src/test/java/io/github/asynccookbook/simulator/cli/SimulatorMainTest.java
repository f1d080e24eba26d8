package io.github.asynccookbook.simulator.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
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
    void badOptionsGiveOneLineWithExitCode2() {
        int exit = SimulatorMain.run(new String[]{"--tier", "gold"}, new PrintWriter(out), new PrintWriter(err),
                new CountDownLatch(0));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().lines().findFirst()).hasValueSatisfying(line ->
                assertThat(line).contains("unknown tier 'gold'"));
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(err.toString()).endsWith("(see --help)" + System.lineSeparator());
        assertThat(err.toString()).doesNotContain("Exception");
    }

    @Test
    void invalidValuesAreUsageErrorsToo() {
        int exit = SimulatorMain.run(new String[]{"--time-scale", "-1"}, new PrintWriter(out), new PrintWriter(err),
                new CountDownLatch(0));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("time scale must be a number from 0 to 1000, got -1.0");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--fault-500 NaN             | fault rate for 500 must be a number from 0 to 1, got NaN",
            "--fault-drop-stream 1.5     | fault rate for drop-stream must be a number from 0 to 1, got 1.5",
            "--port 70000                | port must be between 0 and 65535, got 70000",
            "--time-scale Infinity       | time scale must be a number from 0 to 1000, got Infinity",
            "--stall 1e300               | --stall must be a number of seconds from 0 to 86400, got 1.0E300",
            "--idle-timeout 0            | --idle-timeout must be a number of seconds from 0.001 to 86400, got 0.0",
            "--read-timeout NaN          | --read-timeout must be a number of seconds from 0.001 to 86400, got NaN"})
    void everyNumberIsBoundedWithOneLine(String args, String message) {
        int exit = SimulatorMain.run(args.split(" "), new PrintWriter(out), new PrintWriter(err), new CountDownLatch(0));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).isEqualTo(message + " (see --help)" + System.lineSeparator());
    }

    @Test
    void aBlankApiKeyIsRefused() {
        int exit = SimulatorMain.run(new String[]{"--api-key="}, new PrintWriter(out), new PrintWriter(err),
                new CountDownLatch(0));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("--api-key must not be blank");
    }

    @Test
    void aPortInUseIsNamedInOneLine() throws Exception {
        try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int exit = SimulatorMain.run(new String[]{"--port", String.valueOf(taken.getLocalPort())},
                    new PrintWriter(out), new PrintWriter(err, true), new CountDownLatch(0));

            assertThat(exit).isEqualTo(1);
            assertThat(err.toString()).isEqualTo("simulator: could not start on 127.0.0.1:" + taken.getLocalPort()
                    + ": address already in use" + System.lineSeparator());
        }
    }

    @Test
    void stoppingWithAStreamInFlightExitsCleanly() throws Exception {
        var stop = new CountDownLatch(1);
        var writer = new PrintWriter(out, true);
        var errors = new PrintWriter(err, true);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> SimulatorMain.run(
                new String[]{"--port", "0", "--stall", "600"}, writer, errors, stop));
        String geminiBase = awaitMatch(Pattern.compile("Gemini  base URL: (\\S+)"));
        var lines = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(geminiBase
                        + "/models/gemini-2.5-flash:streamGenerateContent?alt=sse")).header("x-goog-api-key", "k")
                .POST(HttpRequest.BodyPublishers.ofString("{\"contents\":[{\"parts\":[{\"text\":"
                        + "\"hi [sim:fault=stall-stream]\"}]}]}")).build(), HttpResponse.BodyHandlers.ofLines())
                .body().iterator();
        assertThat(lines.next()).startsWith("data: ");

        stop.countDown();

        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void helpExitsZero() {
        int exit = SimulatorMain.run(new String[]{"--help"}, new PrintWriter(out), new PrintWriter(err),
                new CountDownLatch(0));

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("--time-scale", "--tier", "--seed", "--fault-503", "--api-key",
                "--idle-timeout", "--read-timeout");
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
