package io.github.asynccookbook.chapter02;

import io.github.asynccookbook.harness.ChapterCli;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Bad options end with one line and exit code 2, before any call is made. */
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

    static Stream<Arguments> badOptions() {
        Supplier<Object> gather = _01_GatherThreeWays::new;
        Supplier<Object> batch = _02_BatchLikeAbatch::new;
        Supplier<Object> asCompleted = _03_AsCompleted::new;
        Supplier<Object> failFast = _04_FailFastVersusCollectAll::new;
        Supplier<Object> scale = _05_Scale::new;
        Supplier<Object> main = Main::new;
        return Stream.of(
                arguments(gather, new String[]{"--requests", "0"}, "--requests must be between 1 and 1,000, got 0"),
                arguments(batch, new String[]{"--max-concurrency", "0"},
                        "--max-concurrency must be between 1 and 1,000, got 0"),
                arguments(batch, new String[]{"--requests", "2"}, "--requests must be between 4 and 1,000, got 2"),
                arguments(asCompleted, new String[]{"--requests", "ten"},
                        "Invalid value for option '--requests': 'ten' is not an int"),
                arguments(failFast, new String[]{"--tokens", "0"}, "--tokens must be between 1 and 10,000, got 0"),
                arguments(scale, new String[]{"--requests", "10,2000000000"},
                        "--requests must be between 1 and 100,000, got 2,000,000,000"),
                arguments(scale, new String[]{"--max-concurrency", "-5"},
                        "--max-concurrency must be between 1 and 100,000, got -5"),
                arguments(scale, new String[]{"--requests", "99999999999"}, "Invalid value for option '--requests'"),
                arguments(scale, new String[]{"--approach", "async"}, "Invalid value for option '--approach'"),
                arguments(scale, new String[]{"--deadline", "0"}, "--deadline must be between 1 and 3,600, got 0"),
                arguments(scale, new String[]{"--warm-up", "-1"}, "--warm-up must be between 0 and 10,000, got -1"),
                arguments(main, new String[]{"--time-scale", "fast"}, "Invalid value for option '--time-scale'"),
                arguments(main, new String[]{"--provider", "openai"}, "Invalid value for option '--provider'"));
    }

    @ParameterizedTest
    @MethodSource("badOptions")
    void aBadOptionIsOneLineAndExitTwo(Supplier<Object> command, String[] args, String line) {
        var run = run(command.get(), args);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString().startsWith(line).endsWith("(see --help)");
        assertThat(run.out()).isEmpty();
    }

    static Stream<Arguments> everyMain() {
        return Stream.of(arguments(new Main()), arguments(new _01_GatherThreeWays()), arguments(new _02_BatchLikeAbatch()),
                arguments(new _03_AsCompleted()), arguments(new _04_FailFastVersusCollectAll()), arguments(new _05_Scale()));
    }

    @ParameterizedTest
    @MethodSource("everyMain")
    void helpListsTheOptions(Object command) {
        var run = run(command, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--provider", "--time-scale", "--help");
    }
}
