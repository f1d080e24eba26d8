package io.github.asynccookbook.chapter04;

import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.ProviderSet;
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

/**
 * Every example on both providers against a simulator ten times faster than real time. Whether a cancel beats the
 * end of such a short answer depends on the machine's load, so that is checked at a slower pace in
 * the recipes' {@code StreamingFluxTest}; here only the outcomes that do not race are.
 */
class ExamplesTest {

    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(c -> c.timeScale(0.1));

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
    void printTokensAndFluxStreamPrintTheAnswerThenItsTiming() {
        new _01_PrintTokens().run(providers, PromptOption.DEFAULT_PROMPT);
        new _02_FluxStream().run(providers, PromptOption.DEFAULT_PROMPT);

        assertThat(output().lines().filter(line -> line.startsWith("TTFT ")))
                .hasSize(4)
                .allMatch(line -> line.matches("TTFT \\d+ ms  ITL \\d+ ms  TPOT .* tok/s  \\(\\d+ tokens, \\d+ chunks\\)"));
        assertThat(output()).contains("why streaming makes a chat app feel faster");
    }

    @Test
    void libraryFluxComparisonShowsEagerAndUncancelled() {
        new _03_LibraryFlux().run(providers, PromptOption.DEFAULT_PROMPT);

        assertThat(output().lines().filter(line -> line.startsWith("AiServices + langchain4j-reactor")))
                .hasSize(2)
                .allMatch(line -> line.matches(".*yes \\(200 of 200, unread\\)\\s+200 of 200\\s+no"));
        assertThat(output().lines().filter(line -> line.startsWith("StreamingFlux")))
                .hasSize(2)
                .allMatch(line -> line.matches("StreamingFlux\\s+no\\s+\\d+ of 200\\s+(yes|no)"));
        assertThat(output()).contains("and sends 0 new requests");
    }

    @Test
    void percentilesCoverEveryStream() {
        _04_TtftPercentiles.run(providers, PromptOption.DEFAULT_PROMPT, 3);

        assertThat(output()).contains("3 concurrent streams, 0 failed");
        assertThat(output().lines().filter(line -> line.startsWith("TTFT applied by simulator"))).hasSize(2);
        assertThat(output().lines().filter(line -> line.startsWith("TTFT profile median")))
                .as("the profiles' medians at time scale 0.1, columns as wide as the widest figure")
                .satisfiesExactly(gemini -> assertThat(gemini).matches("TTFT profile median\\s+65 ms .*"),
                        mistral -> assertThat(mistral).matches("TTFT profile median\\s+64 ms .*"));
    }

    @Test
    void stopGeneratingLeavesTheRestOfTheAnswerUnsent() {
        new _05_StopGenerating().run(providers, PromptOption.DEFAULT_PROMPT);

        assertThat(output().lines().filter(line -> line.startsWith("simulator: sent")))
                .hasSize(2)
                .allMatch(line -> line.matches("simulator: sent \\d+ of 400 planned tokens, client disconnect recorded: (yes|no)"));
    }

    @Test
    void midStreamFailuresEndInOnErrorAndTheStalledStreamIsClosed() {
        new _06_MidStreamFailures().run(providers, PromptOption.DEFAULT_PROMPT);

        assertThat(output().lines().filter(line -> line.startsWith("dropped connection: onError after")))
                .hasSize(2)
                .allMatch(line -> line.matches(".* \\d+ chunk\\(s\\): LangChain4jException: closed"));
        assertThat(output().lines().filter(line -> line.startsWith("stalled stream: onError after")))
                .hasSize(2)
                .allMatch(line -> line.contains("chunk(s): TimeoutException: Did not observe any item"));
        assertThat(output().lines().filter(line -> line.contains("(fault DROP_MID_STREAM)")))
                .hasSize(2)
                .allMatch(line -> line.endsWith("client disconnect recorded: no"));
        assertThat(output().lines().filter(line -> line.contains("(fault STALL_MID_STREAM)")))
                .hasSize(2)
                .allMatch(line -> line.endsWith("client disconnect recorded: yes"));
    }
}
