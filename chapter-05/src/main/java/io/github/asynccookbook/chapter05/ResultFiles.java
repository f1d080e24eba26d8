package io.github.asynccookbook.chapter05;

import io.github.asynccookbook.report.BarChart;
import io.github.asynccookbook.report.CsvFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes a benchmark's raw data for later analysis: one CSV row per measured request (times in milliseconds since
 * the benchmark started), one per provider and mode, and a PNG chart of wall time per mode for each provider.
 */
public final class ResultFiles {

    public static final List<String> REQUEST_COLUMNS = List.of("provider", "model", "mode", "iteration", "index",
            "topic", "start_ms", "first_token_ms", "end_ms", "latency_ms", "ttft_ms", "output_tokens", "status",
            "rate_limited", "retries", "error");

    public static final List<String> SUMMARY_COLUMNS = List.of("provider", "model", "mode", "iterations",
            "requests", "max_in_flight", "wall_mean_s", "wall_sd_s", "wall_p50_s", "wall_p95_s", "wall_min_s",
            "wall_max_s", "speedup", "latency_p50_ms", "latency_p95_ms", "ttft_p50_ms", "ttft_p95_ms",
            "output_tokens_per_s", "rate_limited", "retries", "retry_wait_s", "errors");

    /** Where the files went. */
    public record Written(Path requests, Path summary, Path chart) {
    }

    private ResultFiles() {
    }

    public static Written write(BenchResult result, Path directory) throws IOException {
        List<ModeSummary> summaries = Report.summaries(result).stream().flatMap(List::stream).toList();
        var written = new Written(directory.resolve("requests.csv"), directory.resolve("summary.csv"),
                directory.resolve("wall-time.png"));
        CsvFiles.write(written.requests(), REQUEST_COLUMNS, requestRows(result));
        CsvFiles.write(written.summary(), SUMMARY_COLUMNS, summaries.stream().map(ResultFiles::summaryRow).toList());
        chart(result, summaries).savePng(written.chart());
        return written;
    }

    private static List<List<Object>> requestRows(BenchResult result) {
        var rows = new ArrayList<List<Object>>();
        result.providers().stream().flatMap(provider -> provider.runs().stream())
                .flatMap(run -> run.requests().stream())
                .forEach(r -> rows.add(Arrays.asList(r.provider(), r.model(), r.mode().id(), r.iteration(),
                        r.index(), r.topic(), millis(r.startNanos() - result.originNanos()),
                        r.firstTokenNanos() == null ? null : millis(r.firstTokenNanos() - result.originNanos()),
                        millis(r.endNanos() - result.originNanos()), millis(r.latency().toNanos()),
                        r.ttft().map(ttft -> millis(ttft.toNanos())).orElse(null), r.outputTokens(), r.status(),
                        r.rateLimited(), r.retries(), r.error())));
        return rows;
    }

    private static List<Object> summaryRow(ModeSummary s) {
        Spread wall = s.wallSeconds();
        return Arrays.asList(s.provider(), s.model(), s.mode().id(), s.iterations(), s.requests(),
                s.maxConcurrency(), decimals(wall.mean(), 3), decimals(wall.standardDeviation(), 3),
                decimals(wall.p50(), 3), decimals(wall.p95(), 3), decimals(wall.min(), 3), decimals(wall.max(), 3),
                s.speedup().map(speedup -> decimals(speedup, 2)).orElse(null),
                millis(s.latencyP50()), millis(s.latencyP95()), millis(s.ttftP50()), millis(s.ttftP95()),
                decimals(s.tokensPerSecond(), 1), s.rateLimited(), s.retries(),
                decimals(s.retryWait().toNanos() / 1e9, 3), s.errors());
    }

    /** Mean wall time per mode, one bar per provider; error bars show the spread when there were iterations. */
    private static BarChart chart(BenchResult result, List<ModeSummary> summaries) {
        int iterations = result.plan().iterations();
        var chart = new BarChart("Wall time per mode, %d requests (%s)".formatted(result.plan().workload().requests(),
                iterations == 1 ? "one iteration" : "mean ± sd of " + iterations + " iterations"),
                "mode", "wall time (s)");
        for (ProviderRun provider : result.providers()) {
            List<ModeSummary> own = summaries.stream().filter(s -> s.provider().equals(provider.provider())).toList();
            chart.series(provider.displayName() + (provider.live() ? " (live)" : " (simulator)"),
                    own.stream().map(s -> s.mode().id()).toList(),
                    own.stream().map(s -> s.wallSeconds().mean()).toList(),
                    iterations == 1 ? null : own.stream().map(s -> s.wallSeconds().standardDeviation()).toList());
        }
        return chart;
    }

    /** Milliseconds, or an empty cell. */
    private static String millis(Optional<Duration> duration) {
        return duration.map(d -> millis(d.toNanos())).orElse(null);
    }

    private static String millis(long nanos) {
        return decimals(nanos / 1e6, 3);
    }

    private static String decimals(double value, int places) {
        return String.format(Locale.ROOT, "%." + places + "f", value);
    }
}
