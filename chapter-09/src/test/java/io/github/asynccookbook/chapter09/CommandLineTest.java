package io.github.asynccookbook.chapter09;

import io.github.asynccookbook.harness.ChapterCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad options give one line and exit status 2, before any provider or server is started. */
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
    @ValueSource(strings = {"--port=70000", "--port=-1", "--deadline=0", "--deadline=100000",
            "--streams-per-client=0", "--server=tomcat", "--provider=openai", "--port=eighty", "--nope"})
    void badOptionsAreOneLine(String option) {
        assertThat(errorOf(new Main(), option)).endsWith("(see --help)\n").hasLineCount(1);
        if (!option.startsWith("--server")) {
            assertThat(errorOf(new _01_JavalinServer(), option)).endsWith("(see --help)\n").hasLineCount(1);
            assertThat(errorOf(new _02_SpringServer(), option)).endsWith("(see --help)\n").hasLineCount(1);
        }
    }

    @Test
    void portAndDeadlineSayTheirRange() {
        assertThat(errorOf(new Main(), "--port", "70000"))
                .isEqualTo("--port must be between 0 and 65535, got 70000 (see --help)\n");
        assertThat(errorOf(new Main(), "--deadline", "0"))
                .isEqualTo("--deadline must be between 1 and 3,600 seconds, got 0 (see --help)\n");
    }

    @Test
    void theServerListensOnThisMachineOnlyUnlessToldOtherwise() {
        var main = new Main();
        new CommandLine(main).parseArgs();
        assertThat(main.options.bind).isEqualTo("127.0.0.1");
        assertThat(main.options.port).isEqualTo(8080);
    }

    @Test
    void everyCommandHasHelp() {
        for (Object command : new Object[]{new Main(), new _01_JavalinServer(), new _02_SpringServer()}) {
            var out = new ByteArrayOutputStream();
            int exit = ChapterCli.run(command, new PrintStream(out, true, StandardCharsets.UTF_8), System.err,
                    "--help");
            assertThat(exit).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("--provider").contains("--bind")
                    .contains("--port").contains("--deadline");
        }
    }
}
