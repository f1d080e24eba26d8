package io.github.asynccookbook.chapter10;

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

    private static String errorOf(Object command, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = ChapterCli.run(command, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        assertThat(exit).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        return err.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "65", "2147483647"})
    void limitIsBounded(String value) {
        assertThat(errorOf(new Main(), "--limit", value))
                .isEqualTo("--limit must be between 1 and 64, got %,d (see --help)%n".formatted(Long.parseLong(value)));
        assertThat(errorOf(new _01_BatchInOrder(), "--limit", value)).startsWith("--limit must be");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1001"})
    void chunksIsBounded(String value) {
        assertThat(errorOf(new Main(), "--chunks", value)).startsWith("--chunks must be between 1 and 1,000");
        assertThat(errorOf(new _03_CancelAndFallback(), "--chunks", value)).startsWith("--chunks must be");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--provider=openai", "--limit=many", "--time-scale=-1", "--nope"})
    void badOptionsAreOneLine(String option) {
        assertThat(errorOf(new Main(), option)).endsWith("(see --help)\n").hasLineCount(1);
    }

    @Test
    void everyExampleHasHelp() {
        for (Object command : new Object[]{new Main(), new _01_BatchInOrder(), new _02_FaultsAndTimeouts(),
                new _03_CancelAndFallback()}) {
            var out = new ByteArrayOutputStream();
            int exit = ChapterCli.run(command, new PrintStream(out, true, StandardCharsets.UTF_8), System.err, "--help");
            assertThat(exit).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("--provider").contains("--time-scale");
        }
    }
}
