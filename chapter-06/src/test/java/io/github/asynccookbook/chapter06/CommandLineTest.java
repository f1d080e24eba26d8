package io.github.asynccookbook.chapter06;

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
    @ValueSource(strings = {"0", "-1", "1001", "2147483647"})
    void stopAfterIsBounded(String value) {
        assertThat(errorOf(new Main(), "--stop-after", value))
                .isEqualTo("--stop-after must be between 1 and 1,000, got %,d (see --help)%n"
                        .formatted(Long.parseLong(value)));
        assertThat(errorOf(new _04_CancelAndFail(), "--stop-after", value)).startsWith("--stop-after must be");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--provider=openai", "--stop-after=many", "--time-scale=-1", "--nope"})
    void badOptionsAreOneLine(String option) {
        assertThat(errorOf(new Main(), option)).endsWith("(see --help)\n").hasLineCount(1);
    }

    @Test
    void everyExampleHasHelp() {
        for (Object command : new Object[]{new Main(), new _01_ChainEvents(), new _02_ChainThreeWays(),
                new _03_Filtering(), new _04_CancelAndFail(), new _05_AiServiceEvents(),
                new _06_ListenerAndMetrics()}) {
            var out = new ByteArrayOutputStream();
            var stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
            int exit = ChapterCli.run(command, stdout, System.err, "--help");
            assertThat(exit).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("--provider").contains("--topic");
        }
    }
}
