package io.github.asynccookbook.chapter08;

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

    private static Object[] examples() {
        return new Object[]{new Main(), new _01_PromptFunctions(), new _02_FourGenres(), new _03_AsyncTools(),
                new _04_ChatSessions()};
    }

    @Test
    void lookupTimeIsBounded() {
        var err = new ByteArrayOutputStream();
        int exit = ChapterCli.run(new _03_AsyncTools(), System.out, new PrintStream(err, true, StandardCharsets.UTF_8),
                "--lookup-ms=0");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--lookup-ms must be between 1 and 10,000, got 0")
                .hasLineCount(1);
    }

    @Test
    void sessionCountsAreBounded() {
        var err = new ByteArrayOutputStream();
        int exit = ChapterCli.run(new _04_ChatSessions(), System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8), "--max-sessions=0");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--max-sessions must be between 1 and 2,000, got 0")
                .hasLineCount(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--provider=openai", "--time-scale=-1", "--nope"})
    void badOptionsAreOneLine(String option) {
        for (Object command : examples()) {
            var out = new ByteArrayOutputStream();
            var err = new ByteArrayOutputStream();
            int exit = ChapterCli.run(command, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), option);
            assertThat(exit).isEqualTo(2);
            assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
            assertThat(err.toString(StandardCharsets.UTF_8)).endsWith("(see --help)\n").hasLineCount(1);
        }
    }

    @Test
    void everyExampleHasHelp() {
        for (Object command : examples()) {
            var out = new ByteArrayOutputStream();
            int exit = ChapterCli.run(command, new PrintStream(out, true, StandardCharsets.UTF_8), System.err,
                    "--help");
            assertThat(exit).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("--provider");
        }
    }
}
