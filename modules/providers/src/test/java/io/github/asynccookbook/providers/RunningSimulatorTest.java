package io.github.asynccookbook.providers;

import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.Simulator;
import io.github.asynccookbook.simulator.SimulatorConfig;
import io.github.asynccookbook.simulator.Tier;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** GEMINI_BASE_URL / MISTRAL_BASE_URL point the simulated providers at a simulator some other process runs. */
class RunningSimulatorTest {

    @Test
    void simulatedProvidersUseTheRunningSimulatorAndReadItsGroundTruth() {
        try (Simulator running = Simulator.start(SimulatorConfig.defaults().toBuilder()
                .timeScale(0.02).tier(Tier.FREE).seed(7).build());
             ProviderSet providers = ProviderSet.of(ProviderSettings.from(Map.of("LLM_MODE", "simulator",
                     "GEMINI_BASE_URL", running.geminiBaseUrl(), "MISTRAL_BASE_URL", running.baseUrl() + "/v1")))) {
            Provider gemini = providers.gemini();
            Simulator seen = gemini.simulator().orElseThrow();

            long before = System.nanoTime();
            gemini.chatModel().chat("Why do some birds migrate?");
            providers.mistral().chatModel().chat("Why do some birds migrate?");
            long after = System.nanoTime();

            assertThat(seen.embedded()).isFalse();
            assertThat(seen.config().tier()).isEqualTo(Tier.FREE);
            assertThat(seen.config().seed()).isEqualTo(7);
            assertThat(gemini.describe()).contains("simulator (running apart)");
            assertThat(seen.stats().model("gemini-2.5-flash").count(200)).isEqualTo(1);
            assertThat(seen.stats().model("mistral-small-latest").count(200)).isEqualTo(1);
            RequestRecord request = seen.stats().requests("gemini-2.5-flash").getFirst();
            // One machine, one monotonic clock: the request arrived between our two readings, on its clock too.
            assertThat(request.arrivalMillis()).isBetween(seen.millisAt(before), seen.millisAt(after));
            assertThat(seen.millisAt(before)).isEqualTo(running.millisAt(before));

            seen.resetStats();
            assertThat(running.stats().requests()).isEmpty();
        }
    }

    @Test
    void aBaseUrlWhereNoSimulatorRunsSaysHowToStartOne() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ProviderSet providers = ProviderSet.of(ProviderSettings.from(Map.of("LLM_MODE", "simulator",
                "GEMINI_BASE_URL", "http://127.0.0.1:" + closedPort + "/v1beta")));

        assertThatThrownBy(providers::gemini)
                .isInstanceOf(ProviderConfigException.class)
                .hasMessageContaining("no simulator answers at http://127.0.0.1:" + closedPort)
                .hasMessageContaining("mvn -pl modules/simulator exec:java");
    }
}
