package io.github.asynccookbook.chapter11;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Prints what a run's simulator saw, and several runs side by side. */
final class RunReport {

    private RunReport() {
    }

    static void heading(String number, String title) {
        System.out.printf("%n-- %s %s --%n", number, title);
    }

    static void print(SharedLimitDemo.Result r) {
        String window = seconds(r.window());
        System.out.printf("%d workers x %d calls, one key: %s allows %d requests per %s (Gemini's free-tier minute "
                + "at this time scale); each bucket: %d per %s%n", r.plan().workers(), r.plan().requestsPerWorker(),
                SharedLimitDemo.MODEL, r.limit(), window, r.limit(), seconds(r.bucketWindow()));
        System.out.printf("simulator: %d sent, %d answered, %d x 429%n", r.sent(), r.answered(), r.rejected());
        System.out.printf("simulator: arrivals per %s window: %s%n", window, r.windows().perWindow());
        System.out.printf("simulator: busiest %s stretch: %d admitted (limit %d)%n", window, r.windows().busiest(),
                r.limit());
        System.out.printf("workers: answers %s, wall time %s%n",
                r.answeredPerWorker().stream().map(String::valueOf).collect(Collectors.joining(" + ")),
                seconds(r.wallTime()));
    }

    /** One column per run, the simulator's counts in rows. */
    static void sideBySide(List<SharedLimitDemo.Result> results) {
        String window = seconds(results.getFirst().window());
        long limit = results.getFirst().limit();
        var rows = new ArrayList<List<String>>();
        rows.add(row("", results, r -> r.plan().store().label()));
        rows.add(row("requests sent (simulator)", results, r -> "" + r.sent()));
        rows.add(row("answered", results, r -> "" + r.answered()));
        rows.add(row("429s (simulator)", results, r -> "" + r.rejected()));
        rows.add(row("arrivals per " + window + " window", results,
                r -> r.windows().arrivals().stream().map(String::valueOf).collect(Collectors.joining(" "))));
        rows.add(row("busiest " + window + " (limit " + limit + ")", results, r -> "" + r.windows().busiest()));
        rows.add(row("wall time", results, r -> seconds(r.wallTime())));
        int columns = rows.getFirst().size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        System.out.println();
        for (List<String> row : rows) {
            var line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                line.append(String.format("%-" + (widths[c] + 3) + "s", row.get(c)));
            }
            System.out.println(line.toString().stripTrailing());
        }
    }

    private static List<String> row(String name, List<SharedLimitDemo.Result> results,
                                    Function<SharedLimitDemo.Result, String> cell) {
        var row = new ArrayList<String>();
        row.add(name);
        results.forEach(r -> row.add(cell.apply(r)));
        return row;
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
