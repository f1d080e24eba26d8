package io.github.asynccookbook.chapter11;

import io.github.asynccookbook.harness.ChapterCli;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Part 1's bad options: one line, exit status 2, before any job is submitted. */
class BatchCommandLineTest {

    private static String errorOf(Object command, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = ChapterCli.run(command, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        assertThat(exit).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void generatedIsBounded() {
        assertThat(errorOf(new _11_Batch(), "--generated", "-1"))
                .isEqualTo("--generated must be between 0 and 100,000, got -1 (see --help)%n".formatted());
        assertThat(errorOf(new _12_BatchVsFanOut(), "--generated", "100001"))
                .isEqualTo("--generated must be between 0 and 100,000, got 100,001 (see --help)%n".formatted());
    }

    @Test
    void pollWaitAndConcurrencyAreBounded() {
        assertThat(errorOf(new _11_Batch(), "--max-poll-wait", "0"))
                .isEqualTo("--max-poll-wait must be between 1 and 3,600, got 0 (see --help)%n".formatted());
        assertThat(errorOf(new _12_BatchVsFanOut(), "--concurrency", "0"))
                .isEqualTo("--concurrency must be between 1 and 1,024, got 0 (see --help)%n".formatted());
    }

    @Test
    void unknownOptionIsOneLine() {
        assertThat(errorOf(new _11_Batch(), "--nope")).hasLineCount(1).contains("--nope");
    }
}
