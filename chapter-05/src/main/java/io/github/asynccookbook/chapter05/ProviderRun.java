package io.github.asynccookbook.chapter05;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Everything one provider did in a benchmark: the warm-up requests (sent, counted by the provider, but kept out of
 * the statistics) and every measured mode run, in the order they ran.
 *
 * @param provider    {@code gemini} or {@code mistral}
 * @param displayName {@code Gemini} or {@code Mistral}
 * @param live        true when the real API answered, false for the simulator
 * @param profileTtft the simulator's configured median TTFT for the model, in real time; empty when live
 */
public record ProviderRun(String provider, String displayName, String model, boolean live,
                          Optional<Duration> profileTtft, List<RequestResult> warmUp, List<ModeRun> runs) {

    public ProviderRun {
        warmUp = List.copyOf(warmUp);
        runs = List.copyOf(runs);
    }

    public List<ModeRun> runs(Mode mode) {
        return runs.stream().filter(run -> run.mode() == mode).toList();
    }

    /** Every request sent, warm-up included: what the provider saw (and counted against the rate limit). */
    public Stream<RequestResult> allRequests() {
        return Stream.concat(warmUp.stream(), runs.stream().flatMap(run -> run.requests().stream()));
    }
}
