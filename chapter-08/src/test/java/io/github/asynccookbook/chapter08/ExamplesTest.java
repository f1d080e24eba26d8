package io.github.asynccookbook.chapter08;

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

/** Every example on both providers against a simulator five times faster than real time, checked against its records. */
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
    void onePromptFunctionMakesFiveCallsPerProviderOneOfThemStreamed() {
        _01_PromptFunctions.run(providers, "comedy");

        List<RequestRecord> requests = sim.simulator().stats().requests();
        assertThat(requests).hasSize(10);
        assertThat(requests).filteredOn(RequestRecord::stream).hasSize(2);
        assertThat(output().lines().filter(line -> line.startsWith("sync:"))).hasSize(2);
        assertThat(output().lines().filter(line -> line.matches("\\s+finish=STOP, tokens \\d+ in / \\d+ out")))
                .hasSize(2);
        assertThat(output().lines().filter(line -> line.matches("record: {4}.+ \\(\\d+\\), directed by .+")))
                .hasSize(2);
    }

    @Test
    void theFourGenresAreInFlightTogetherAndComeBackInInputOrder() {
        _02_FourGenres.run(providers);

        List<RequestRecord> requests = sim.simulator().stats().requests();
        assertThat(requests).hasSize(8);
        assertThat(io.github.asynccookbook.simulator.SimulatorStats.peakInFlight(requests))
                .as("one shared service, several calls in flight at once").isGreaterThanOrEqualTo(2);
        List<String> genresPrinted = output().lines()
                .filter(line -> _02_FourGenres.GENRES.stream().anyMatch(line::startsWith))
                .map(line -> line.substring(0, 16).strip()).toList();
        assertThat(genresPrinted).containsExactlyElementsOf(
                java.util.stream.Stream.concat(_02_FourGenres.GENRES.stream(), _02_FourGenres.GENRES.stream())
                        .toList());
    }

    @Test
    void theWindowOfFourSendsAtMostFiveMessagesATurn() {
        for (Provider provider : providers) {
            _04_ChatSessions.window(provider);
        }

        List<RequestRecord> requests = sim.simulator().stats().requests();
        assertThat(requests).extracting(request -> request.messages().size()).containsExactly(2, 4, 5, 5, 2, 4, 5, 5);
        assertThat(output().lines().filter(line -> line.startsWith("turn 3 sent 5 messages: SYSTEM AI USER AI USER")))
                .hasSize(2);
    }

    @Test
    void theTwoTurnSessionSendsTheFirstTurnWithTheSecond() {
        for (Provider provider : providers) {
            _04_ChatSessions.twoTurnSession(provider);
        }

        List<RequestRecord> requests = sim.simulator().stats().requests();
        assertThat(requests).extracting(request -> request.messages().size()).containsExactly(2, 4, 2, 4);
        assertThat(output().lines().filter(line -> line.equals("closed: 0 sessions open, nothing kept"))).hasSize(2);
    }
}
