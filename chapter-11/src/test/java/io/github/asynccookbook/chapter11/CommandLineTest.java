package io.github.asynccookbook.chapter11;

import io.github.asynccookbook.harness.ChapterCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad options give one line and exit status 2, before any simulator or worker JVM starts. */
class CommandLineTest {

    private static Object[] commands() {
        return new Object[]{new Main(), new _21_PerJvmLimits(), new _22_SharedBucket(), new _23_SharedBucketOnRedis(),
                new _24_WorkerCrash()};
    }

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
    @ValueSource(strings = {"0", "1", "9", "2147483647"})
    void workersAreBounded(String value) {
        for (Object command : commands()) {
            assertThat(errorOf(command, "--workers", value))
                    .isEqualTo("--workers must be between 2 and 8, got %,d (see --help)%n"
                            .formatted(Long.parseLong(value)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "101"})
    void requestsAreBounded(String value) {
        assertThat(errorOf(new Main(), "--requests", value))
                .isEqualTo("--requests must be between 1 and 100, got %,d (see --help)%n".formatted(Long.parseLong(value)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--time-scale=0", "--time-scale=2", "--time-scale=fast", "--workers=many", "--nope",
            "--provider=gemini"})
    void badOptionsAreOneLine(String option) {
        for (Object command : commands()) {
            assertThat(errorOf(command, option)).endsWith("(see --help)\n").hasLineCount(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a url", "redis://127.0.0.1:1"})
    void aRedisThatDoesNotAnswerIsOneLine(String url) {
        assertThat(errorOf(new _23_SharedBucketOnRedis(), "--redis", url)).startsWith("--redis: ")
                .endsWith("(see --help)\n").hasLineCount(1);
    }

    @Test
    void everyExampleHasHelp() {
        for (Object command : commands()) {
            var out = new ByteArrayOutputStream();
            int exit = ChapterCli.run(command, new PrintStream(out, true, StandardCharsets.UTF_8), System.err, "--help");
            assertThat(exit).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("--workers").contains("--requests")
                    .contains("--time-scale").contains("--redis");
        }
    }
}
