package io.github.asynccookbook.chapter04;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad options give a one-line error, the usage and exit status 2, before any provider is touched. */
class CommandLineTest {

    private static String run(Object command, String... args) {
        var err = new StringWriter();
        var line = new CommandLine(command).setErr(new PrintWriter(err));
        assertThat(line.execute(args)).isEqualTo(2);
        return err.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3"})
    void streamsMustBePositive(String streams) {
        assertThat(run(new Main(), "--streams", streams))
                .startsWith("--streams must be at least 1, got " + streams + "\n")
                .contains("Usage: Main");
        assertThat(run(new _04_TtftPercentiles(), "--streams", streams)).contains("Usage: _04_TtftPercentiles");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--provider=openai", "--streams=many"})
    void malformedValuesAreUsageErrors(String option) {
        String err = run(new Main(), option);
        assertThat(err.lines().findFirst().orElseThrow()).startsWith("Invalid value for option");
        assertThat(err).contains("Usage: Main");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--verbose", "--stream=3"})
    void unknownOptionsAreUsageErrors(String option) {
        assertThat(run(new _05_StopGenerating(), option).lines().findFirst().orElseThrow())
                .startsWith("Unknown option: '" + option + "'");
    }
}
