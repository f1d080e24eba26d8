package io.github.asynccookbook.chapter07;

import io.github.asynccookbook.harness.ChapterCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad options give one line and exit status 2, before any simulator is started. */
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
    @ValueSource(strings = {"0", "-1", "10001"})
    void callsAreBounded(String value) {
        assertThat(errorOf(new Main(), "--calls", value))
                .isEqualTo("--calls must be between 1 and 10,000, got %,d (see --help)%n"
                        .formatted(Long.parseLong(value)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--provider=openai", "--calls=many", "--concurrency=0", "--time-scale=-1", "--nope"})
    void badOptionsAreOneLine(String option) {
        assertThat(errorOf(new Main(), option)).endsWith("(see --help)\n").hasLineCount(1);
    }

    @Test
    void everyExampleHasHelp() {
        for (Object command : new Object[]{new Main(), new _01_WhatCanGoWrong(), new _02_Deadlines(),
                new _03_Cancellation(), new _04_Resilience()}) {
            var out = new ByteArrayOutputStream();
            int exit = ChapterCli.run(command, new PrintStream(out, true, StandardCharsets.UTF_8), System.err, "--help");
            assertThat(exit).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("--provider").contains("--time-scale");
        }
    }
}
