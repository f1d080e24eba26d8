package io.github.asynccookbook.chapter04;

import io.github.asynccookbook.harness.ChapterCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad options give one line and exit status 2, before any provider is touched. */
class CommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Object command, String... args) {
        return ChapterCli.run(command, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    private void assertOneLineUsageError(int exit) {
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).hasSize(1).first().asString()
                .endsWith("(see --help)").doesNotContain("Exception");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--streams=0", "--streams=-3", "--streams=1001", "--streams=99999999999", "--streams=many",
            "--provider=openai", "--time-scale=-1", "--time-scale=fast", "--tier=gold", "--seed=x", "--prompt=",
            "--prompt=   ", "--stream=3", "--no-such-option"})
    void aBadOptionIsOneLineAndExitStatus2(String option) {
        assertOneLineUsageError(run(new Main(), option));
    }

    @Test
    void aHugeStreamCountIsOneLineNamingTheBounds() {
        assertOneLineUsageError(run(new _04_TtftPercentiles(), "--streams", "2000000000"));
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("--streams must be between 1 and 1,000, got 2,000,000,000 (see --help)%n".formatted());
    }

    @Test
    void aPromptLongerThanTheBoundIsRefused() {
        assertOneLineUsageError(run(new _05_StopGenerating(), "--prompt", "x".repeat(PromptOption.MAX_LENGTH + 1)));
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("the length of --prompt must be between 1 and 10,000");
    }

    @Test
    void aFailedRunIsOneLineAndExitStatus1() {
        int exit = run(new _04_TtftPercentiles(), "--provider", "mistral", "--streams", "2", "--time-scale", "0.02",
                "--prompt", "Why stream? [sim:fault=429]");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).hasSize(1).first().asString()
                .contains("rate limit", "(HTTP 429)").doesNotContain("Exception");
    }

    @Test
    void helpListsTheOptions() {
        assertThat(run(new Main(), "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("--provider", "--prompt", "--streams", "--tier", "--time-scale", "--seed", "--verbose");
    }
}
