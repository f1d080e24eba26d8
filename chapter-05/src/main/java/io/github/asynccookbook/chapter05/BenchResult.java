package io.github.asynccookbook.chapter05;

import java.util.List;

/**
 * A finished benchmark: the plan, the {@link System#nanoTime()} it started at (the zero of the CSV times) and each
 * provider's run, in the order they ran.
 */
public record BenchResult(BenchPlan plan, long originNanos, List<ProviderRun> providers) {

    public BenchResult {
        providers = List.copyOf(providers);
    }
}
