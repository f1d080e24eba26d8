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

class BarChartTest {

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;

    @Test
    void savesAGroupedBarChartAsPng() throws IOException {
        Path file = dir.resolve("charts/wall.png");

        new BarChart("Wall time", "mode", "seconds")
                .series("Gemini", List.of("sequential", "concurrent"), List.of(7.4, 1.6), List.of(0.2, 0.1))
                .series("Mistral", List.of("sequential", "concurrent"), List.of(5.1, 1.2), null)
                .savePng(file);

        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes.length).isGreaterThan(PNG_MAGIC.length);
        assertThat(Arrays.copyOf(bytes, PNG_MAGIC.length)).isEqualTo(PNG_MAGIC);
    }

    @Test
    void refusesSeriesOfDifferentSizes() {
        var chart = new BarChart("t", "x", "y");
        assertThatThrownBy(() -> chart.series("s", List.of("a", "b"), List.of(1.0), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
