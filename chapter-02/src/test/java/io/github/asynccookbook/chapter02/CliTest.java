package io.github.asynccookbook.chapter02;

import io.github.asynccookbook.chapter01.Cli;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Bad options end with one line, the usage and exit code 2, before any call is made. */
class CliTest {

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(Callable<Integer> command, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        var outBytes = new ByteArrayOutputStream();
        var errBytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            int exitCode = Cli.execute(command, args);
            return new Run(exitCode, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    static Stream<Arguments> badOptions() {
        Supplier<Callable<Integer>> gather = _01_GatherThreeWays::new;
        Supplier<Callable<Integer>> batch = _02_BatchLikeAbatch::new;
        Supplier<Callable<Integer>> asCompleted = _03_AsCompleted::new;
        Supplier<Callable<Integer>> failFast = _04_FailFastVersusCollectAll::new;
        Supplier<Callable<Integer>> scale = _05_Scale::new;
        Supplier<Callable<Integer>> main = Main::new;
        return Stream.of(
                arguments(gather, new String[]{"--requests", "0"}, "--requests must be between 1 and 1000, got 0"),
                arguments(batch, new String[]{"--max-concurrency", "0"}, "--max-concurrency must be at least 1, got 0"),
                arguments(batch, new String[]{"--requests", "2"}, "--requests must be between 4 and 1000, got 2"),
                arguments(asCompleted, new String[]{"--requests", "ten"},
                        "Invalid value for option '--requests': 'ten' is not an int"),
                arguments(failFast, new String[]{"--tokens", "0"}, "--tokens must be between 1 and 10000, got 0"),
                arguments(scale, new String[]{"--requests", "10,0"}, "--requests must be between 1 and 100000, got [10, 0]"),
                arguments(scale, new String[]{"--approach", "async"}, "Invalid value for option '--approach'"),
                arguments(main, new String[]{"--provider", "openai"}, "Invalid value for option '--provider'"));
    }

    @ParameterizedTest
    @MethodSource("badOptions")
    void aBadOptionIsOneLineAndTheUsage(Supplier<Callable<Integer>> command, String[] args, String firstLine) {
        var run = run(command.get(), args);

        assertThat(run.exitCode()).isEqualTo(Cli.USAGE_ERROR);
        assertThat(run.err().lines().findFirst().orElseThrow()).startsWith(firstLine);
        assertThat(run.err()).contains("Usage: ").doesNotContain("Exception");
        assertThat(run.out()).isEmpty();
    }

    static Stream<Arguments> everyMain() {
        return Stream.of(arguments(new Main()), arguments(new _01_GatherThreeWays()), arguments(new _02_BatchLikeAbatch()),
                arguments(new _03_AsCompleted()), arguments(new _04_FailFastVersusCollectAll()), arguments(new _05_Scale()));
    }

    @ParameterizedTest
    @MethodSource("everyMain")
    void helpListsTheOptions(Callable<Integer> command) {
        var run = run(command, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--provider", "--help");
    }
}
