package io.github.asynccookbook.chapter03;

import io.github.asynccookbook.harness.ChapterCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad options are one line and exit status 2, before any simulator starts; the examples' own options work. */
class CommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Object command, String... args) {
        return ChapterCli.run(command, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--requests=0", "--requests=many", "--requests=2000000000", "--max-concurrency=0",
            "--max-concurrency=-1", "--max-concurrency=1001", "--concurrency=4", "--provider=openai",
            "--tier=unlimited", "--tier=gold", "--time-scale=0", "--time-scale=fast", "--time-scale=1e9",
            "--seed=x", "--no-such-option"})
    void aBadOptionIsOneLineAndExitStatus2(String option) {
        int exit = run(new Main(), option);

        assertThat(exit).isEqualTo(2);
        assertThat(err().lines()).hasSize(1).first().asString().endsWith("(see --help)").doesNotContain("Exception");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aHugeRequestCountIsOneLineNotAnOutOfMemoryError() {
        assertThat(run(new _07_RetryHonouringTheHint(), "--requests", "2000000000")).isEqualTo(2);
        assertThat(err()).isEqualTo("--requests must be between 1 and 2,000, got 2,000,000,000 (see --help)%n"
                .formatted());
    }

    @Test
    void helpListsTheOptionsUnderTheirCommonNames() {
        assertThat(run(new Main(), "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("--provider", "--requests", "--max-concurrency", "--tier", "--time-scale", "--seed",
                        "--verbose")
                .doesNotContain("--concurrency");
    }

    @Test
    void theRetryComparisonAsksAsManyQuestionsAsRequested() {
        PrintStream original = System.out; // the examples print their tables to System.out
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            exit = run(new _07_RetryHonouringTheHint(), "--provider", "gemini", "--requests", "3",
                    "--time-scale", "0.02");
        } finally {
            System.setOut(original);
        }

        assertThat(exit).as(err()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines().filter(line -> line.startsWith("Gemini ")))
                .as("3 questions, all within the free tier's 10: every one answered, no retry sent")
                .hasSize(2)
                .allMatch(line -> line.matches("Gemini\\s+\\S.*\\S\\s+3\\s+3\\s+3\\s+.*"));
    }
}
