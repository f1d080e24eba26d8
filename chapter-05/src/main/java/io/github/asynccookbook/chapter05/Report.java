package io.github.asynccookbook.chapter05;

import io.github.asynccookbook.report.ConsoleTable;
import io.github.asynccookbook.report.Durations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Prints a finished benchmark: the source benchmark's block per provider, then the extended table with both
 * providers side by side per mode, the simulator's TTFT profile for comparison, and what 429s and errors cost.
 */
public final class Report {

    private Report() {
    }

    /** Each provider's summaries, in the order the providers ran. */
    public static List<List<ModeSummary>> summaries(BenchResult result) {
        return result.providers().stream().map(run -> ModeSummary.of(run, result.plan().modes())).toList();
    }

    /** The whole report, lines separated by {@code \n}. */
    public static String render(BenchResult result) {
        List<List<ModeSummary>> summaries = summaries(result);
        var out = new StringBuilder();
        for (int i = 0; i < result.providers().size(); i++) {
            seedBlock(result.providers().get(i), summaries.get(i)).ifPresent(block -> out.append('\n').append(block));
        }
        out.append('\n').append(describe(result.plan())).append('\n');
        out.append(table(summaries.stream().flatMap(List::stream).toList()));
        profileLine(result.providers()).ifPresent(line -> out.append(line).append('\n'));
        List<String> story = new ArrayList<>();
        for (int i = 0; i < result.providers().size(); i++) {
            story.addAll(RateLimitStory.explain(result.providers().get(i), summaries.get(i)));
        }
        out.append(story.isEmpty() ? "No 429s, no retries, no errors." : String.join("\n", story)).append('\n');
        return out.toString();
    }

    /**
     * The source benchmark's block, from the mean sequential and concurrent wall times; empty if either mode was not
     * run or had no answer at all.
     */
    static Optional<String> seedBlock(ProviderRun run, List<ModeSummary> summaries) {
        Optional<ModeSummary> sequential = find(summaries, Mode.SEQUENTIAL);
        Optional<ModeSummary> concurrent = find(summaries, Mode.CONCURRENT);
        if (sequential.isEmpty() || concurrent.isEmpty() || sequential.get().answered() == 0
                || concurrent.get().answered() == 0) {
            return Optional.empty();
        }
        return Optional.of(_01_SourceBenchmark.block(run.displayName(), sequential.get().wallSeconds().mean(),
                concurrent.get().wallSeconds().mean()));
    }

    private static Optional<ModeSummary> find(List<ModeSummary> summaries, Mode mode) {
        return summaries.stream().filter(s -> s.mode() == mode).findFirst();
    }

    static String describe(BenchPlan plan) {
        return "%s per mode, %s after %s; limited = %d in flight; providers measured one after the other."
                .formatted(count(plan.workload().requests(), "request"), count(plan.iterations(), "iteration"),
                        count(plan.warmUps(), "warm-up request"), plan.maxConcurrency());
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** One row per mode and provider, the providers of a mode next to each other. */
    static String table(List<ModeSummary> summaries) {
        var table = new ConsoleTable("Mode", "Provider", "In flight", "Wall", "Speedup", "Latency p50", "p95",
                "TTFT p50", "p95", "Tokens/s", "429s", "Retries", "Errors");
        summaries.stream().sorted(Comparator.comparing(ModeSummary::mode)).forEach(s -> table.row(
                s.mode().id(), s.displayName(), s.maxConcurrency(), wall(s.wallSeconds()),
                s.speedup().map(Durations::times).orElse("-"),
                s.latencyP50().map(Durations::millis).orElse("-"), s.latencyP95().map(Durations::millis).orElse("-"),
                s.ttftP50().map(Durations::millis).orElse("-"), s.ttftP95().map(Durations::millis).orElse("-"),
                String.format(Locale.ROOT, "%.1f", s.tokensPerSecond()),
                s.rateLimited(), s.retries(), s.errors()));
        return table.render();
    }

    /** Mean wall time, with the standard deviation across iterations when there were several. */
    private static String wall(Spread wall) {
        String mean = String.format(Locale.ROOT, "%.3fs", wall.mean());
        return wall.count() < 2 ? mean : String.format(Locale.ROOT, "%s ±%.3f", mean, wall.standardDeviation());
    }

    private static Optional<String> profileLine(List<ProviderRun> runs) {
        String profiles = runs.stream().filter(run -> run.profileTtft().isPresent())
                .map(run -> run.displayName() + " " + Durations.millis(run.profileTtft().orElseThrow()))
                .collect(Collectors.joining(", "));
        return profiles.isEmpty() ? Optional.empty()
                : Optional.of("Simulator TTFT profile (median, real time): " + profiles + ".");
    }
}
