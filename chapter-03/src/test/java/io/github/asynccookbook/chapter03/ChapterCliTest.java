package io.github.asynccookbook.chapter03;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ChapterCliTest {

    @ParameterizedTest
    @ValueSource(strings = {"--requests=0", "--requests=many", "--concurrency=-1", "--provider=openai",
            "--tier=unlimited", "--tier=gold", "--time-scale=0", "--time-scale=fast", "--no-such-option"})
    void aBadOptionIsAUsageErrorWithAOneLineReason(String option) {
        var err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        int exit;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = ChapterCli.execute(new Main(), option);
        } finally {
            System.setErr(original);
        }

        assertThat(exit).isEqualTo(2);
        String firstLine = err.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("");
        assertThat(firstLine).isNotBlank().doesNotContain("Exception");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage:");
    }

    @Test
    void helpExitsCleanly() {
        assertThat(ChapterCli.execute(new _05_HandBuiltRateLimiter(), "--help")).isZero();
    }
}
