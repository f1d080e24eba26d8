package io.github.asynccookbook.simulator.engine;

import io.github.asynccookbook.simulator.Fault;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.Simulator;
import io.github.asynccookbook.simulator.SimulatorConfig;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultTest {

    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(c -> c.stallDuration(Duration.ofSeconds(100)));

    @ParameterizedTest
    @CsvSource({"500, 500", "503, 503", "429, 429"})
    void aPromptDirectiveForcesAnErrorStatusOnBothProviders(String code, int status) {
        Simulator simulator = sim.simulator();

        assertThat(RawHttp.gemini(simulator, "gemini-2.5-flash", "generateContent", "hi [sim:fault=" + code + "]")
                .statusCode()).isEqualTo(status);
        assertThat(RawHttp.mistral(simulator, "hi [sim:fault=" + code + "]", true).statusCode()).isEqualTo(status);
        assertThat(simulator.stats().requests()).extracting(RequestRecord::fault)
                .containsOnly(Fault.fromCode(code).orElseThrow());
    }

    @Test
    void aHeaderForcesAFaultWithoutTouchingThePrompt() {
        var response = RawHttp.send(HttpRequest.newBuilder(URI.create(sim.simulator().mistralBaseUrl() + "/chat/completions"))
                .header("Authorization", "Bearer k").header("X-Sim-Fault", "503")
                .POST(HttpRequest.BodyPublishers.ofString(RawHttp.mistralBody("hello", false))));

        assertThat(response.statusCode()).isEqualTo(503);
    }

    @Test
    void stallBeforeHeadersOutlastsAHeaderTimeout() {
        // 100 s of model time at scale 0.02 = 2 s: a 300 ms header deadline gives up first.
        var request = HttpRequest.newBuilder(URI.create(sim.simulator().geminiBaseUrl()
                        + "/models/gemini-2.5-flash:generateContent"))
                .header("x-goog-api-key", "k").timeout(Duration.ofMillis(300))
                .POST(HttpRequest.BodyPublishers.ofString(RawHttp.geminiBody("hi [sim:fault=stall-headers]"))).build();

        assertThatThrownBy(() -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void stallMidStreamHoldsTheRestOfTheStreamBackForTheStallDuration() {
        var response = RawHttp.mistral(sim.simulator(), "hi [sim:fault=stall-stream] [sim:tokens=20]", true);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).endsWith("data: [DONE]\n\n");
        RequestRecord record = sim.simulator().stats().requests().getFirst();
        assertThat(record.completionMillis() - record.arrivalMillis()).isGreaterThanOrEqualTo(2000.0 + record.plannedTtftMillis());
        assertThat(record.tokensSent()).isEqualTo(20);
    }

    @Test
    void dropMidStreamClosesTheConnectionAfterHalfTheAnswer() {
        var request = HttpRequest.newBuilder(URI.create(sim.simulator().mistralBaseUrl() + "/chat/completions"))
                .header("Authorization", "Bearer k")
                .POST(HttpRequest.BodyPublishers.ofString(RawHttp.mistralBody("hi [sim:fault=drop-stream] [sim:tokens=40]", true)))
                .build();

        assertThatThrownBy(() -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
        RequestRecord record = sim.simulator().stats().requests().getFirst();
        assertThat(record.tokensSent()).isPositive().isLessThan(40);
        assertThat(record.clientDisconnected()).isFalse();
    }

    @Test
    void faultRatesRollTheSameWayForTheSameSeed() {
        SimulatorConfig flaky = SimulatorExtension.TEST_DEFAULTS.toBuilder().timeScale(0).faultRate(Fault.INTERNAL, 0.3).build();

        assertThat(statuses(flaky)).isEqualTo(statuses(flaky))
                .contains(200, 500)
                .isNotEqualTo(statuses(flaky.toBuilder().seed(7).build()));
    }

    private static List<Integer> statuses(SimulatorConfig config) {
        try (Simulator simulator = Simulator.start(config)) {
            return IntStream.range(0, 40)
                    .mapToObj(i -> RawHttp.mistral(simulator, "question " + (i % 5), false).statusCode())
                    .toList();
        }
    }
}
