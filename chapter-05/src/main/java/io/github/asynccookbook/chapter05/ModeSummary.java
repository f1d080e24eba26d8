package io.github.asynccookbook.chapter05;

import io.github.asynccookbook.report.LatencyHistogram;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One provider's figures for one mode over all measured iterations: one row of the table and of the summary CSV.
 * Latency and TTFT percentiles pool every request of every iteration (HdrHistogram); wall time is spread over
 * iterations.
 *
 * @param wallSeconds     wall time per iteration, in seconds
 * @param speedup         mean sequential wall time over this mode's mean wall time; empty without a sequential run,
 *                        or when either mode had no answer at all (a wall time of failures is no speed)
 * @param latencyP50      empty when no request was answered
 * @param ttftP50         empty unless the mode streams
 * @param tokensPerSecond output tokens of all iterations over their wall time (throughput, not per stream)
 * @param retryWait       time requests slept before retrying after 429s, all iterations
 * @param errors          requests that failed for good, after any retries
 */
public record ModeSummary(String provider, String displayName, String model, Mode mode, int iterations, int requests,
                          int maxConcurrency, Spread wallSeconds, Optional<Double> speedup,
                          Optional<Duration> latencyP50, Optional<Duration> latencyP95,
                          Optional<Duration> ttftP50, Optional<Duration> ttftP95,
                          double tokensPerSecond, long rateLimited, long retries, Duration retryWait, long errors) {

    /** The summaries of every mode a provider ran, in plan order. */
    public static List<ModeSummary> of(ProviderRun run, List<Mode> modes) {
        List<ModeRun> sequential = run.runs(Mode.SEQUENTIAL);
        Optional<Double> sequentialWall = answeredAny(sequential) ? Optional.of(wallSeconds(sequential).mean())
                : Optional.empty();
        return modes.stream()
                .filter(mode -> !run.runs(mode).isEmpty())
                .map(mode -> of(run, run.runs(mode), sequentialWall))
                .toList();
    }

    private static ModeSummary of(ProviderRun provider, List<ModeRun> runs, Optional<Double> sequentialWall) {
        ModeRun first = runs.getFirst();
        Spread wall = wallSeconds(runs);
        var latency = new LatencyHistogram();
        var ttft = new LatencyHistogram();
        runs.stream().flatMap(run -> run.requests().stream()).filter(RequestResult::ok).forEach(request -> {
            latency.record(request.latency());
            request.ttft().ifPresent(ttft::record);
        });
        double seconds = runs.stream().mapToDouble(run -> run.wall().toNanos() / 1e9).sum();
        long tokens = runs.stream().mapToLong(ModeRun::outputTokens).sum();
        return new ModeSummary(provider.provider(), provider.displayName(), provider.model(), first.mode(), runs.size(),
                first.requests().size(), first.maxConcurrency(), wall,
                sequentialWall.filter(mean -> answeredAny(runs)).map(sequentialMean -> sequentialMean / wall.mean()),
                percentile(latency, 50), percentile(latency, 95), percentile(ttft, 50), percentile(ttft, 95),
                tokens / seconds,
                runs.stream().mapToLong(ModeRun::rateLimited).sum(),
                runs.stream().mapToLong(ModeRun::retries).sum(),
                runs.stream().map(ModeRun::retryWait).reduce(Duration.ZERO, Duration::plus),
                runs.stream().mapToLong(ModeRun::errors).sum());
    }

    /** Requests answered, all iterations together. */
    public long answered() {
        return (long) iterations * requests - errors;
    }

    private static boolean answeredAny(List<ModeRun> runs) {
        return runs.stream().anyMatch(run -> run.errors() < run.requests().size());
    }

    private static Optional<Duration> percentile(LatencyHistogram histogram, double percentile) {
        return histogram.count() == 0 ? Optional.empty() : Optional.of(histogram.percentile(percentile));
    }

    private static Spread wallSeconds(List<ModeRun> runs) {
        return Spread.of(runs.stream().map(run -> run.wall().toNanos() / 1e9).toList());
    }
}
