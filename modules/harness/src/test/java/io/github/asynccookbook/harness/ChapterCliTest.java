package io.github.asynccookbook.harness;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import io.github.asynccookbook.providers.ProviderConfigException;
import io.github.asynccookbook.providers.ProviderSettings;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

/** The one error policy: one line and a non-zero exit for every failure, the trace only when asked for. */
class ChapterCliTest {

    private static final String KEY = "AIzaSyB-never-printed-secret-7777";

    @Command(name = "demo", mixinStandardHelpOptions = true)
    static final class Demo implements Callable<Integer> {

        @Mixin
        ProviderOptions providers;

        @Option(names = "--fail", paramLabel = "KIND")
        String fail = "none";

        @Override
        public Integer call() throws Exception {
            return switch (fail) {
                case "config" -> throw new ProviderConfigException("LLM_MODE=live but no Gemini key: set GOOGLE_API_KEY");
                case "auth" -> throw new CompletionException(new AuthenticationException("{\"error\": 401}"));
                case "network" -> {
                    GoogleAiGeminiChatModel.builder().baseUrl("http://no-such-host.invalid/v1beta").apiKey("k")
                            .modelName("gemini-2.5-flash").maxRetries(0).build().chat("Hello");
                    yield 0;
                }
                case "all" -> throw new AllRequestsFailedException(10, new IllegalStateException("first"));
                case "io" -> throw new IOException("benchmark-results/requests.csv (Permission denied)");
                case "unknown" -> throw new IllegalStateException("boom with key " + KEY);
                default -> 0;
            };
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = ChapterCli.run(new Demo(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aBadOptionIsOneLineAndExitTwo() {
        Run run = run("--time-scale", "NaN");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString()
                .contains("'NaN' is not a time scale").endsWith("(see --help)");
    }

    @Test
    void aSettingToFixIsOneLineAndExitTwo() {
        Run run = run("--fail", "config");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("LLM_MODE=live but no Gemini key: set GOOGLE_API_KEY" + System.lineSeparator());
    }

    @Test
    void knownFailuresSayWhatToDoWithoutATrace() {
        assertThat(run("--fail", "auth")).satisfies(run -> {
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.err().lines()).singleElement().asString().startsWith("the provider refused the API key");
        });
        assertThat(run("--fail", "network")).satisfies(run -> {
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.err().lines()).singleElement().asString().startsWith("cannot reach the provider");
        });
        assertThat(run("--fail", "io")).satisfies(run -> {
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.err().lines()).singleElement().asString()
                    .isEqualTo("cannot write the results: benchmark-results/requests.csv (Permission denied)");
        });
        assertThat(run("--fail", "all")).satisfies(run -> {
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.err().lines()).singleElement().asString().startsWith("all 10 requests failed; the first:");
        });
    }

    @Test
    void anUnknownFailureIsOneLineUnlessVerboseAndNeverShowsAKey() {
        ProviderSettings.from(Map.of("GOOGLE_API_KEY", KEY)); // loaded, so it must be masked wherever it shows

        Run quiet = run("--fail", "unknown");
        Run verbose = run("--fail", "unknown", "--verbose");

        assertThat(quiet.exit()).isEqualTo(1);
        assertThat(quiet.err().lines()).singleElement().asString()
                .isEqualTo("error: IllegalStateException: boom with key AIz...7777 (run with --verbose for details)");
        assertThat(verbose.exit()).isEqualTo(1);
        assertThat(verbose.err()).contains("at io.github.asynccookbook.harness.ChapterCliTest$Demo.call");
        assertThat(quiet.err() + verbose.err()).doesNotContain("never-printed");
    }

    @Test
    void successIsExitZero() {
        assertThat(run().exit()).isZero();
    }
}
