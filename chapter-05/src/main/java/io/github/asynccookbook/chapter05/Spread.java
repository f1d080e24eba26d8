package io.github.asynccookbook.chapter05;

import java.util.List;

/**
 * Mean, sample standard deviation and nearest-rank percentiles of a few values, e.g. one wall time per iteration:
 * how much a figure moved from one iteration to the next.
 */
public record Spread(int count, double mean, double standardDeviation, double p50, double p95, double min,
                     double max) {

    public static Spread of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<Double> sorted = values.stream().sorted().toList();
        double mean = sorted.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double squares = sorted.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        double sd = sorted.size() < 2 ? 0 : Math.sqrt(squares / (sorted.size() - 1));
        return new Spread(sorted.size(), mean, sd, percentile(sorted, 50), percentile(sorted, 95),
                sorted.getFirst(), sorted.getLast());
    }

    /** Nearest rank: the smallest value with at least {@code p}% of the values at or below it. */
    static double percentile(List<Double> sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
