package io.github.asynccookbook.chapter01;

import io.github.asynccookbook.harness.GroundTruth;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The models built by hand reach the simulator, blocking and streaming, and the output says what came back. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang fails the test, not the build
class FirstCallTest {

    @RegisterExtension
    static SimulatorExtension sim = new SimulatorExtension();

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void theHandBuiltModelsAnswerBlockingThenStreaming(String name) {
        Provider provider = ProviderSet.forSimulator(sim.simulator()).get(name);
        var bytes = new ByteArrayOutputStream();

        _01_FirstCall.firstCalls(provider, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        GroundTruth.awaitQuiet(sim.simulator());
        List<RequestRecord> requests = sim.simulator().stats().requests(provider.modelName());
        assertThat(requests).extracting(RequestRecord::stream).containsExactly(false, true);
        assertThat(requests).allMatch(request -> request.status() == 200);
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).allMatch(line -> line.length() <= 100);
        assertThat(lines.stream().filter(line -> !line.startsWith("  | ")))
                .satisfiesExactly(
                        blocking -> assertThat(blocking).startsWith(provider.displayName() + " (" + provider.modelName()
                                + ") answered in ").endsWith(tokens(requests.get(0))),
                        streaming -> assertThat(streaming).startsWith(provider.displayName() + " ("
                                + provider.modelName() + ") streamed in ").endsWith(tokens(requests.get(1))));
    }

    private static String tokens(RequestRecord request) {
        return "tokens: %d in + %d out = %d".formatted(request.promptTokens(), request.plannedTokens(),
                request.promptTokens() + request.plannedTokens());
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
