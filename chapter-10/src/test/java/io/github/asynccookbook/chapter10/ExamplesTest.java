package io.github.asynccookbook.chapter10;

import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every example on both providers against a simulator five times faster than real time, checked against its ground truth. */
class ExamplesTest {

    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(c -> c.timeScale(0.2));

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private List<Provider> providers;

    @BeforeEach
    void captureOutput() {
        originalOut = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        providers = ProviderSet.forSimulator(sim.simulator()).select("both");
    }

    @AfterEach
    void restoreOutput() {
        System.setOut(originalOut);
    }

    private String output() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theBatchKeepsInputOrderWithinTheLimit() {
        _01_BatchInOrder.run(providers, 3);

        assertThat(output().lines().filter(line -> line.startsWith("8 answers; answer 1 is about: ")
                && line.contains("Question 1"))).hasSize(2);
        assertThat(output().lines().filter(line -> line.matches("simulator: 8 requests, peak in flight [23] \\(limit 3\\)")))
                .hasSize(2);
        assertThat(output().lines().filter(line -> line.startsWith("simulator finished the questions in this order: ")))
                .hasSize(2).allSatisfy(line -> assertThat(line.substring(line.indexOf(": ") + 2).split(" "))
                        .containsExactlyInAnyOrder("1", "2", "3", "4", "5", "6", "7", "8"));
    }

    @Test
    void theFaultStaysInItsSlotAndTheTimeoutClosesTheConnection() {
        _02_FaultsAndTimeouts.run(providers);

        assertThat(output().lines().filter(line -> line.matches("slot [13]: answered \\(\\d+ characters\\)"))).hasSize(4);
        assertThat(output().lines().filter(line -> line.startsWith("slot 2: failed: InternalServerException"))).hasSize(2);
        assertThat(output().lines().filter(line -> line.startsWith("stalled call, 1000 ms timeout: TimeoutException")))
                .hasSize(2);
        assertThat(output().lines().filter(line -> line.equals("simulator: status 0, client disconnect recorded: yes")))
                .hasSize(2);
        assertThat(sim.simulator().stats().requests()).filteredOn(r -> r.status() == 500).hasSize(2);
    }

    @Test
    void leavingEarlyStopsTheServerAndAHangingStreamFallsBack() {
        _03_CancelAndFallback.run(providers, 3);

        assertThat(output().lines().filter(line -> line.equals("received 3 chunks, then left"))).hasSize(2);
        List<RequestRecord> cancelled = sim.simulator().stats().requests().stream()
                .filter(r -> r.plannedTokens() == _03_CancelAndFallback.LONG_ANSWER_TOKENS).toList();
        assertThat(cancelled).hasSize(2).allSatisfy(r -> assertThat(r.tokensSent()).isLessThan(r.plannedTokens()));
        for (RequestRecord r : cancelled) {
            assertThat(output()).contains("simulator: sent %d of %d planned tokens, client disconnect recorded: yes"
                    .formatted(r.tokensSent(), r.plannedTokens()));
        }
        assertThat(output().lines().filter(line -> line.matches("stream that hangs: \\d+ chunks? from Gemini, "
                + "then Mistral after 2 s without a chunk: \\d+ characters in all"))).hasSize(1);
        assertThat(output().lines().filter(line -> line.matches("stream that hangs: \\d+ chunks? from Mistral, "
                + "then Gemini after 2 s without a chunk: \\d+ characters in all"))).hasSize(1);
    }
}
