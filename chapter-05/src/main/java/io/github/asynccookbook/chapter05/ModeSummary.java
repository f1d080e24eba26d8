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
 * @param speedup         mean sequential wall time over this mode's mean wall time; empty without a sequential run
 * @param ttftP50         empty unless the mode streams
 * @param tokensPerSecond output tokens of all iterations over their wall time (throughput, not per stream)
 * @param retryWait       time requests slept before retrying after 429s, all iterations
 * @param errors          requests that failed for good, after any retries
 */
public record ModeSummary(String provider, String displayName, String model, Mode mode, int iterations, int requests,
                          int maxConcurrency, Spread wallSeconds, Optional<Double> speedup, Duration latencyP50,
                          Duration latencyP95, Optional<Duration> ttftP50, Optional<Duration> ttftP95,
                          double tokensPerSecond, long rateLimited, long retries, Duration retryWait, long errors) {

    /** The summaries of every mode a provider ran, in plan order. */
    public static List<ModeSummary> of(ProviderRun run, List<Mode> modes) {
        List<ModeRun> sequential = run.runs(Mode.SEQUENTIAL);
        Optional<Double> sequentialWall = sequential.isEmpty() ? Optional.empty()
                : Optional.of(wallSeconds(sequential).mean());
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
                sequentialWall.map(sequentialMean -> sequentialMean / wall.mean()),
                latency.percentile(50), latency.percentile(95),
                ttft.count() == 0 ? Optional.empty() : Optional.of(ttft.percentile(50)),
                ttft.count() == 0 ? Optional.empty() : Optional.of(ttft.percentile(95)),
                tokens / seconds,
                runs.stream().mapToLong(ModeRun::rateLimited).sum(),
                runs.stream().mapToLong(ModeRun::retries).sum(),
                runs.stream().map(ModeRun::retryWait).reduce(Duration.ZERO, Duration::plus),
                runs.stream().mapToLong(ModeRun::errors).sum());
    }

    private static Spread wallSeconds(List<ModeRun> runs) {
        return Spread.of(runs.stream().map(run -> run.wall().toNanos() / 1e9).toList());
    }
}
