package io.github.asynccookbook.report;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressBarTest {

    @Test
    void redrawsOneLineInPlaceAndClearsItAtTheEnd() {
        var bytes = new ByteArrayOutputStream();
        try (var bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), 4)) {
            bar.step("gemini");
            bar.step("gemini");
        }
        String drawn = bytes.toString(StandardCharsets.UTF_8);

        assertThat(drawn).doesNotContain("\n")
                .contains("\r[#######                       ] 1/4 gemini")
                .contains("\r[###############               ] 2/4 gemini")
                .endsWith("\r");
    }

    @Test
    void aSilentBarStillCounts() {
        try (var bar = new ProgressBar(null, 2)) {
            bar.step("a");
            bar.step("b");
            bar.step("c");
            assertThat(bar.done()).isEqualTo(2);
        }
    }
}
