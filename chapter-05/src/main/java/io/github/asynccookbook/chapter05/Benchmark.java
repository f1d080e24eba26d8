package io.github.asynccookbook.chapter05;

import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.report.ProgressBar;

import java.util.List;

/**
 * The Gemini-versus-Mistral async benchmark, without any printing: runs a {@link BenchPlan} for each provider,
 * one provider after the other so each is measured on an otherwise idle client, and returns every request's
 * timing. {@link Report} turns the result into the seed blocks, the table, CSV files and a chart.
 *
 * <pre>{@code
 * BenchResult result = Benchmark.run(BenchPlan.defaults(), providerOptions.providers());
 * System.out.print(Report.render(result));
 * }</pre>
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static BenchResult run(BenchPlan plan, List<Provider> providers) {
        return run(plan, providers, new ProgressBar(null, plan.requestsPerProvider() * providers.size()));
    }

    /**
     * Like {@link #run(BenchPlan, List)}, advancing {@code progress} as each request completes (warm-ups included),
     * so a bar of {@code plan.requestsPerProvider() * providers.size()} ends full.
     */
    public static BenchResult run(BenchPlan plan, List<Provider> providers, ProgressBar progress) {
        long origin = System.nanoTime();
        List<ProviderRun> runs = providers.stream()
                .map(provider -> new ProviderBench(provider, plan, progress).run())
                .toList();
        return new BenchResult(plan, origin, runs);
    }
}
