package io.github.asynccookbook.simulator;

import dev.langchain4j.model.mistralai.MistralAiChatModel;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Simulator#summary()} from another process: the counters of {@code /_sim/stats}, without the records. */
class RemoteSummaryTest {

    @RegisterExtension
    static SimulatorExtension sim = new SimulatorExtension();

    @Test
    void aConnectedSimulatorsSummaryHasTheCountersButNoRecords() {
        var model = MistralAiChatModel.builder().baseUrl(sim.simulator().mistralBaseUrl()).apiKey("any")
                .modelName("mistral-small-latest").build();
        model.chat("one");
        model.chat("two");

        try (var remote = Simulator.connect(sim.simulator().baseUrl())) {
            SimulatorStats summary = remote.summary();
            SimulatorStats full = sim.simulator().stats();
            assertThat(summary.requests()).isEmpty();
            assertThat(remote.stats().requests()).hasSize(2);
            assertThat(summary.maxInFlight()).isEqualTo(full.maxInFlight());
            assertThat(summary.inFlight()).isZero();
            assertThat(summary.model("mistral-small-latest").requests()).isEqualTo(2);
            assertThat(summary.model("mistral-small-latest")).isEqualTo(full.model("mistral-small-latest"));
        }
    }
}
