package io.github.asynccookbook.simulator.engine;

import io.github.asynccookbook.simulator.ModelStats;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.Simulator;
import io.github.asynccookbook.simulator.SimulatorConfig;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

class GroundTruthTest {

    @Test
    void countsConcurrentRequestsInFlight() throws Exception {
        // Every answer is held back 3 s (a 150 s stall at 50x speed), so all 20 overlap even on a very busy machine.
        try (Simulator sim = Simulator.start(SimulatorExtension.TEST_DEFAULTS.toBuilder()
                .stallDuration(java.time.Duration.ofSeconds(150)).build());
             var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            pool.invokeAll(IntStream.range(0, 20)
                    .mapToObj(i -> (Callable<Object>) () -> RawHttp.gemini(sim, "gemini-2.5-flash", "generateContent",
                            "q" + i + " [sim:tokens=40] [sim:fault=stall-headers]"))
                    .toList());

            ModelStats stats = sim.stats().model("gemini-2.5-flash");
            assertThat(stats.maxInFlight()).isEqualTo(20);
            assertThat(stats.inFlight()).isZero();
            assertThat(stats.count(200)).isEqualTo(20);
            assertThat(sim.stats().maxInFlight()).isEqualTo(20);
        }
    }

    @Test
    void sameSeedAndRequestGiveTheSameAnswerAndAnotherSeedAnother() {
        String question = "Why do some birds migrate?";
        String first;
        try (Simulator sim = Simulator.start(SimulatorExtension.TEST_DEFAULTS)) {
            first = textOf(RawHttp.mistral(sim, question, false).body());
            assertThat(textOf(RawHttp.mistral(sim, question, false).body())).isEqualTo(first);
        }
        try (Simulator again = Simulator.start(SimulatorExtension.TEST_DEFAULTS)) {
            assertThat(textOf(RawHttp.mistral(again, question, false).body())).isEqualTo(first);
        }
        try (Simulator other = Simulator.start(SimulatorExtension.TEST_DEFAULTS.toBuilder().seed(1).build())) {
            assertThat(textOf(RawHttp.mistral(other, question, false).body())).isNotEqualTo(first);
        }
    }

    /** How close to the plan it stays is a matter of load: bench/capacity.sh measures that, not a unit test. */
    @Test
    void appliedTtftNeverComesEarly() throws Exception {
        SimulatorConfig tenTimesFaster = SimulatorExtension.TEST_DEFAULTS.toBuilder().timeScale(0.1).build();
        try (Simulator sim = Simulator.start(tenTimesFaster); var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            pool.invokeAll(IntStream.range(0, 30)
                    .mapToObj(i -> (Callable<Object>) () -> RawHttp.gemini(sim, "gemini-2.5-flash",
                            "streamGenerateContent?alt=sse", "q" + i + " [sim:tokens=60]"))
                    .toList());

            var lateness = sim.stats().requests().stream()
                    .mapToDouble(r -> r.appliedTtftMillis() - r.plannedTtftMillis()).sorted().toArray();
            assertThat(lateness).hasSize(30);
            assertThat(lateness[0]).isGreaterThanOrEqualTo(-0.5);
            for (RequestRecord r : sim.stats().requests()) {
                assertThat(r.firstTokenMillis() - r.startMillis()).isCloseTo(r.appliedTtftMillis(), offset(1e-6));
                assertThat(r.plannedTtftMillis()).isBetween(65 * Math.exp(-0.75) - 1, 65 * Math.exp(0.75) + 1);
                assertThat(r.tokensSent()).isEqualTo(60);
            }
        }
    }

    @Test
    void statsEndpointServesJsonAndDeleteResetsIt() {
        try (Simulator sim = Simulator.start(SimulatorExtension.TEST_DEFAULTS)) {
            RawHttp.mistral(sim, "hello", false);

            var stats = RawHttp.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/_sim/stats")).GET());
            assertThat(stats.statusCode()).isEqualTo(200);
            assertThat(stats.body()).contains("\"mistral-small-latest\"", "\"maxInFlight\" : 1", "\"tokensSent\"");

            RawHttp.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/_sim/stats")).DELETE());
            assertThat(sim.stats().requests()).isEmpty();
        }
    }

    private static String textOf(String body) {
        return body.replaceAll("(?s).*\"content\":\"(.*?)\"}.*", "$1");
    }
}
