package io.github.asynccookbook.chapter01;

import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang fails the test, not the build
class FirstCallTest {

    @RegisterExtension
    static SimulatorExtension sim = new SimulatorExtension();

    @BeforeEach
    void startQuiet() {
        QuietSimulator.awaitQuietThenReset(sim.simulator());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void printsTheAnswerItsTokenUsageAndLatency(String provider) {
        var model = ProviderSet.forSimulator(sim.simulator()).get(provider).chatModel();
        var bytes = new ByteArrayOutputStream();

        var call = _01_FirstCall.ask(model);
        _01_FirstCall.print("Provider", call, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        var record = sim.simulator().stats().requests().getFirst();
        var lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.getFirst()).startsWith("Provider (" + record.model() + ") answered in ")
                .endsWith("tokens: %d in + %d out = %d".formatted(record.promptTokens(), record.plannedTokens(),
                        record.promptTokens() + record.plannedTokens()));
        assertThat(lines).hasSizeBetween(2, 5).allMatch(line -> line.length() <= 100);
    }

    @Test
    void aLongAnswerIsCutToThreeLinesAndACount() {
        String answer = "word ".repeat(200);

        assertThat(_01_FirstCall.preview(answer)).hasSize(4).last().asString().matches("\\.\\.\\. \\(\\d+ more lines\\)");
    }

    @Test
    void aShortAnswerIsShownWhole() {
        assertThat(_01_FirstCall.preview("Birds follow food.\nAnd warmth.")).containsExactly("Birds follow food.", "And warmth.");
    }
}
