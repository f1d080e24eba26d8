package io.github.asynccookbook.chapter05;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    static Stream<List<String>> badOptions() {
        return Stream.of("--bogus", "--iterations 0", "--iterations 101", "--requests many", "--requests 0",
                        "--requests 2000000000", "--warmup -1", "--warmup 1000", "--max-concurrency 0",
                        "--max-concurrency 10001", "--limit 2", "--timeout 0", "--timeout 9999999999999",
                        "--timeout 99999999999999999999", "--requests 10000 --iterations 100", "--tier gold",
                        "--modes fast", "--modes sequential,sequential", "--time-scale -1", "--provider openai",
                        "--topics-file /no/such/file", "--topics-file /dev/zero", "--topic a --topics-file /dev/null",
                        "--topics-file /dev/null", "--modes streaming --no-streaming")
                .map(args -> List.of(args.split(" ")));
    }

    @ParameterizedTest
    @MethodSource("badOptions")
    void aBadOptionPrintsOneLineAndExitsWith2(List<String> args) {
        int exit = run(args.toArray(String[]::new));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).hasSize(1).first().asString().endsWith("(see --help)");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, Main.MAX_TOPIC_LENGTH + 1})
    void aTopicMustHaveAReasonableLength(int length) {
        assertThat(run("--topic", "x".repeat(length))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("a topic's length must be between 1 and 1,000, got "
                + "%,d (see --help)%n".formatted(length));
    }

    @Test
    void aHugeRequestCountIsOneLineNotAnOutOfMemoryError() {
        assertThat(run("--requests", "2000000000")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("--requests must be between 1 and 10,000, got 2,000,000,000 (see --help)%n".formatted());
    }

    @Test
    void helpListsTheOptions() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("--provider", "--topic", "--topics-file", "--requests", "--iterations", "--warmup",
                        "--max-concurrency", "--modes", "--[no-]streaming", "--tier", "--seed", "--time-scale",
                        "--timeout", "--output", "--verbose");
    }

    @Test
    void runsTheWholeBenchmarkOnItsOwnSimulator(@TempDir Path dir) throws IOException {
        int exit = run("--time-scale", "0.02", "--tier", "unlimited", "--requests", "3",
                "--topics-file", topics(dir).toString(), "--output", dir.resolve("results").toString());

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed).contains("===== Gemini (ASYNC BENCH) =====", "===== Mistral (ASYNC BENCH) =====",
                "3 requests per mode", "Requests CSV: ", "Summary CSV:  ", "Chart:        ");
        assertThat(Files.readAllLines(dir.resolve("results/requests.csv"))).hasSize(1 + 2 * 3 * 4)
                .anyMatch(line -> line.contains(",Why batch?,"));
        assertThat(dir.resolve("results/wall-time.png")).isNotEmptyFile();
    }

    private static Path topics(Path dir) throws IOException {
        return Files.writeString(dir.resolve("topics.txt"), """
                # one topic per line
                Why batch?

                What is a semaphore?
                """);
    }
}
