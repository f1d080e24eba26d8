package io.github.asynccookbook.chapter01;

import io.github.asynccookbook.harness.ChapterCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Bad options end with one line and exit code 2, before any provider is touched. */
class CliTest {

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(Object command, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exitCode = ChapterCli.run(command, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertOneLineUsageError(Run run, String line) {
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString().startsWith(line).endsWith("(see --help)");
        assertThat(run.out()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "501", "2000000000"})
    void aRequestCountOutOfRangeIsOneLine(String requests) {
        var run = run(new Main(), "--requests", requests);

        assertOneLineUsageError(run, "--requests must be between 1 and 500, got ");
    }

    static Stream<Arguments> badNumbers() {
        Supplier<Object> main = Main::new;
        Supplier<Object> loop = _02_LoopVersusConcurrent::new;
        Supplier<Object> ways = _03_ThreeWaysToAinvoke::new;
        Supplier<Object> models = _06_OneModelForAllCalls::new;
        Supplier<Object> blockHound = _05_BlockHoundCatchesBlocking::new;
        return Stream.of(
                arguments(main, new String[]{"--requests", "ten"}, "Invalid value for option '--requests': 'ten'"),
                arguments(loop, new String[]{"--requests", "99999999999"}, "Invalid value for option '--requests'"),
                arguments(ways, new String[]{"--requests", "1000"}, "--requests must be between 1 and 500, got 1,000"),
                arguments(models, new String[]{"--time-scale", "-1"}, "Invalid value for option '--time-scale'"),
                arguments(blockHound, new String[]{"--seed", "x"}, "Invalid value for option '--seed'"));
    }

    @ParameterizedTest
    @MethodSource("badNumbers")
    void aBadNumberIsOneLineAndExitTwo(Supplier<Object> command, String[] args, String line) {
        assertOneLineUsageError(run(command.get(), args), line);
    }

    @Test
    void anUnknownProviderIsOneLine() {
        assertOneLineUsageError(run(new _01_FirstCall(), "--provider", "openai"),
                "Invalid value for option '--provider'");
    }

    @Test
    void helpListsTheOptions() {
        var run = run(new Main(), "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--provider", "--requests", "--time-scale", "--verbose");
    }
}
