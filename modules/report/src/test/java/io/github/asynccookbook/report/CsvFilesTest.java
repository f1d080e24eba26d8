package io.github.asynccookbook.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesHeaderThenRowsQuotingWhatNeedsIt() throws IOException {
        Path file = dir.resolve("nested/out.csv");

        CsvFiles.write(file, List.of("provider", "note", "ms"), List.of(
                List.of("gemini", "plain", 812),
                Arrays.asList("mistral", "a, b \"quoted\"", null)));

        assertThat(Files.readAllLines(file)).containsExactly(
                "provider,note,ms",
                "gemini,plain,812",
                "mistral,\"a, b \"\"quoted\"\"\",");
    }

    @Test
    void refusesARowOfTheWrongWidth() {
        assertThatThrownBy(() -> CsvFiles.write(dir.resolve("bad.csv"), List.of("a", "b"), List.of(List.of(1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected 2 cells, got 1");
    }
}
