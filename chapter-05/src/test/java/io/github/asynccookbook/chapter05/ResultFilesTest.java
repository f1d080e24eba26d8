package io.github.asynccookbook.chapter05;

import io.github.asynccookbook.providers.ApiKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ResultFilesTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void anErrorMessageQuotingAConfiguredKeyIsWrittenMaskedAndOnOneLine(@TempDir Path dir) throws IOException {
        var key = new ApiKey("test-key-not-a-secret-0001");     // configured: loaded like .env's
        var leak = new IllegalArgumentException("invalid header value: \"x-goog-api-key: " + key.value()
                + "\"\n\tsecond line with the key again: " + key.value());
        var failed = new RequestResult("gemini", "gemini-2.5-flash", Mode.SEQUENTIAL, 1, 0, "topic", 0, null,
                SECOND, 0, "IllegalArgumentException", 0, 0, leak);
        var run = new ModeRun("gemini", Mode.SEQUENTIAL, 1, 1, 0, SECOND, List.of(failed), Duration.ZERO,
                Optional.empty());
        var provider = new ProviderRun("gemini", "Gemini", "gemini-2.5-flash", true, Optional.empty(), List.of(),
                List.of(run));
        var plan = new BenchPlan(new Workload(List.of("topic"), 1), List.of(Mode.SEQUENTIAL), 1, 0, 1,
                Duration.ofSeconds(1));

        ResultFiles.Written files = ResultFiles.write(new BenchResult(plan, 0, List.of(provider)), dir);

        String csv = Files.readString(files.requests());
        assertThat(csv).doesNotContain(key.value()).contains(key.masked());
        assertThat(csv.lines()).hasSize(2);
    }
}
