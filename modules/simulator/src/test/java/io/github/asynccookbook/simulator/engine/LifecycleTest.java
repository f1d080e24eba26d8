package io.github.asynccookbook.simulator.engine;

import io.github.asynccookbook.simulator.Simulator;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

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
}
