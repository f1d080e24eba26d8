package io.github.asynccookbook.chapter05;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--bogus", "--iterations 0", "--requests many", "--tier gold", "--modes fast",
            "--limit 0", "--time-scale -1", "--providers openai", "--topics-file /no/such/file",
            "--modes streaming --no-streaming"})
    void aBadOptionPrintsOneLineAndExitsWith2(String args) {
        int exit = run(args.split(" "));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).hasSize(1).first().asString().endsWith("(see --help)");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void helpListsTheOptions() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("--providers", "--topic", "--topics-file", "--requests", "--iterations", "--limit",
                        "--modes", "--[no-]streaming", "--tier", "--seed", "--time-scale", "--output");
    }

    @Test
    void runsTheWholeBenchmarkOnItsOwnSimulator(@TempDir Path dir) throws IOException {
        int exit = run("--time-scale", "0.02", "--tier", "unlimited", "--requests", "3",
                "--topics-file", topics(dir).toString(), "--output", dir.resolve("results").toString());

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed).contains("Gemini  : simulator", "Mistral : simulator",
                "===== Gemini (ASYNC BENCH) =====", "===== Mistral (ASYNC BENCH) =====",
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
