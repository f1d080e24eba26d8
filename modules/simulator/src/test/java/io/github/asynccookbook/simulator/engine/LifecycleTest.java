package io.github.asynccookbook.simulator.engine;

import io.github.asynccookbook.simulator.Simulator;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LifecycleTest {

    @Test
    void closeAlsoEndsKeepAliveConnections() throws Exception {
        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Simulator sim = Simulator.start(SimulatorExtension.TEST_DEFAULTS);
        var health = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/_sim/health")).build();
        assertThat(client.send(health, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        sim.close();

        assertThatThrownBy(() -> client.send(health, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void closeDropsAStreamInFlightInsteadOfWaitingForIt() throws Exception {
        // Real time, and the stream stalls half way for a minute: waiting for it would take that long.
        Simulator sim = Simulator.start(SimulatorExtension.TEST_DEFAULTS.toBuilder()
                .timeScale(1).stallDuration(Duration.ofSeconds(60)).build());
        var stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sim.geminiBaseUrl()
                        + "/models/gemini-2.5-flash:streamGenerateContent?alt=sse"))
                .header("x-goog-api-key", "k")
                .POST(HttpRequest.BodyPublishers.ofString(RawHttp.geminiBody("hi [sim:fault=stall-stream]"))).build(),
                HttpResponse.BodyHandlers.ofLines());
        var lines = stream.body().iterator();
        assertThat(lines.next()).startsWith("data: ");

        long start = System.nanoTime();
        sim.close();
        Duration closing = Duration.ofNanos(System.nanoTime() - start);

        assertThatThrownBy(() -> lines.forEachRemaining(line -> { })).hasRootCauseInstanceOf(IOException.class);
        assertThat(closing).isLessThan(Duration.ofSeconds(5));
        sim.close();   // again: nothing left to do
    }
}
