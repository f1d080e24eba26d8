package io.github.asynccookbook.chapter05;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitStoryTest {

    private static final long SECOND = 1_000_000_000L;

    private static RequestResult request(Mode mode, int index, String status, int rateLimited, int retries) {
        return new RequestResult("gemini", "gemini-2.5-flash", mode, 1, index, "topic", 0, null, SECOND, 100,
                status, rateLimited, retries, status.equals(RequestResult.OK) ? null : new IllegalStateException(status));
    }

    private static ProviderRun run(ModeRun... runs) {
        return new ProviderRun("gemini", "Gemini", "gemini-2.5-flash", false, Optional.empty(), List.of(),
                List.of(runs));
    }

    @Test
    void explainsASlowdownCausedBy429sAndTheRequestsThatGaveUp() {
        var sequential = new ModeRun("gemini", Mode.SEQUENTIAL, 1, 1, 0, 2 * SECOND,
                List.of(request(Mode.SEQUENTIAL, 0, RequestResult.OK, 0, 0)), Duration.ZERO, Optional.of(1));
        var concurrent = new ModeRun("gemini", Mode.CONCURRENT, 1, 2, 0, 6 * SECOND,
                List.of(request(Mode.CONCURRENT, 0, RequestResult.OK, 1, 1),
                        request(Mode.CONCURRENT, 1, "429", 8, 7)), Duration.ofMillis(4_500), Optional.of(1));
        ProviderRun run = run(sequential, concurrent);

        List<String> story = RateLimitStory.explain(run, ModeSummary.of(run, List.of(Mode.values())));

        assertThat(story).containsExactly(
                "Gemini: 9 attempt(s) refused with HTTP 429 (concurrent 9); 8 retries waited 4.5 s in total "
                        + "(as long as the provider's retry hint asked, else an exponential back-off).",
                "  Concurrency is not always faster: concurrent took 3.00x the sequential time; its requests spent "
                        + "4.5 s in total (side by side) waiting to retry.",
                "Gemini: 1 request(s) failed for good: 1 x 429 (see the error column of the requests CSV).");
    }

    @Test
    void saysNothingWhenNothingWasRefused() {
        var sequential = new ModeRun("gemini", Mode.SEQUENTIAL, 1, 1, 0, SECOND,
                List.of(request(Mode.SEQUENTIAL, 0, RequestResult.OK, 0, 0)), Duration.ZERO, Optional.of(1));
        ProviderRun run = run(sequential);

        assertThat(RateLimitStory.explain(run, ModeSummary.of(run, List.of(Mode.values())))).isEmpty();
    }

    @Test
    void tellsTimeoutsOfAnswersTheSimulatorHadSentInFullFromSlowReplies() {
        var streaming = new ModeRun("gemini", Mode.STREAMING, 1, 3, 0, SECOND,
                List.of(request(Mode.STREAMING, 0, RequestResult.OK, 0, 0),
                        request(Mode.STREAMING, 1, "timeout", 0, 0),
                        request(Mode.STREAMING, 2, "timeout", 0, 0)), Duration.ZERO, Optional.of(2));
        ProviderRun run = run(streaming);

        assertThat(RateLimitStory.explain(run, ModeSummary.of(run, List.of(Mode.values())))).containsExactly(
                "Gemini: 2 request(s) failed for good: 2 x timeout (see the error column of the requests CSV).",
                "Gemini streaming: 1 answer(s) the simulator sent in full were not read in time (client-side: too "
                        + "many streams for the client's threads or CPU, not a slow provider).");
    }
}
