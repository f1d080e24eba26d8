package io.github.asynccookbook.chapter05;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Explains, in plain words, what rate limits and errors did to a provider's run: how many attempts were refused
 * with 429, how long the retries waited, which modes it made slower than the sequential loop, which requests
 * failed for good, and which of those the simulator had answered in full (lost by the client, not the provider).
 * Concurrency is not always faster, and the report says why when it was not.
 */
final class RateLimitStory {

    private RateLimitStory() {
    }

    /** The explanation for one provider, or no lines when nothing was refused, retried or failed. */
    static List<String> explain(ProviderRun run, List<ModeSummary> summaries) {
        long refused = summaries.stream().mapToLong(ModeSummary::rateLimited).sum();
        long retries = summaries.stream().mapToLong(ModeSummary::retries).sum();
        long warmUpRefused = run.warmUp().stream().mapToLong(RequestResult::rateLimited).sum();
        var lines = new ArrayList<String>();
        if (refused > 0 || retries > 0) {
            double waited = summaries.stream().mapToDouble(s -> s.retryWait().toNanos() / 1e9).sum();
            lines.add(String.format(Locale.ROOT,
                    "%s: %d attempt(s) refused with HTTP 429 (%s)%s; %d retr%s waited %.1f s in total "
                            + "(as long as the provider's retry hint asked, else an exponential back-off).",
                    run.displayName(), refused, perMode(summaries), warmUpRefused > 0
                            ? ", plus " + warmUpRefused + " during the warm-up" : "",
                    retries, retries == 1 ? "y" : "ies", waited));
            summaries.stream()
                    .filter(s -> s.rateLimited() > 0 && s.speedup().filter(speedup -> speedup < 1).isPresent())
                    .forEach(s -> lines.add(String.format(Locale.ROOT,
                            "  Concurrency is not always faster: %s took %.2fx the sequential time; its requests "
                                    + "spent %.1f s in total (side by side) waiting to retry.",
                            s.mode().id(), 1 / s.speedup().orElseThrow(), s.retryWait().toNanos() / 1e9)));
        }
        Map<String, Long> failures = run.runs().stream().flatMap(r -> r.requests().stream())
                .filter(r -> !r.ok())
                .collect(Collectors.groupingBy(RequestResult::status, TreeMap::new, Collectors.counting()));
        if (!failures.isEmpty()) {
            lines.add("%s: %d request(s) failed for good: %s (see the error column of the requests CSV)."
                    .formatted(run.displayName(), failures.values().stream().mapToLong(Long::longValue).sum(),
                            failures.entrySet().stream().map(e -> e.getValue() + " x " + e.getKey())
                                    .collect(Collectors.joining(", "))));
        }
        lostAnswers(run).forEach((mode, lost) -> lines.add(("%s %s: %d answer(s) the simulator sent in full were not "
                + "read in time (client-side: too many streams for the client's threads or CPU, not a slow provider).")
                .formatted(run.displayName(), mode.id(), lost)));
        return lines;
    }

    private static Map<Mode, Long> lostAnswers(ProviderRun run) {
        Map<Mode, Long> lost = run.runs().stream().collect(Collectors.groupingBy(ModeRun::mode, TreeMap::new,
                Collectors.summingLong(ModeRun::answersLost)));
        lost.values().removeIf(count -> count == 0);
        return lost;
    }

    private static String perMode(List<ModeSummary> summaries) {
        return summaries.stream().filter(s -> s.rateLimited() > 0)
                .map(s -> s.mode().id() + " " + s.rateLimited())
                .collect(Collectors.joining(", "));
    }
}
