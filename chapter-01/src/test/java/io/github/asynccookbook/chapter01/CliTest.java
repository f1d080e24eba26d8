package io.github.asynccookbook.chapter01;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad options end with one line, the usage and exit code 2, before any provider is touched. */
class CliTest {

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        var outBytes = new ByteArrayOutputStream();
        var errBytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            int exitCode = Cli.execute(new Main(), args);
            return new Run(exitCode, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "501"})
    void aRequestCountOutOfRangeIsAUsageError(String requests) {
        var run = run("--requests", requests);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines().findFirst()).hasValue("--requests must be between 1 and 500, got " + requests);
        assertThat(run.err()).contains("Usage: chapter-01").doesNotContain("Exception");
    }

    @Test
    void anUnknownProviderIsAUsageError() {
        var run = run("--provider", "openai");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines().findFirst().orElseThrow()).startsWith("Invalid value for option '--provider'");
        assertThat(run.err()).doesNotContain("Exception");
    }

    @Test
    void helpListsTheOptions() {
        var run = run("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--provider", "--requests");
    }
}
