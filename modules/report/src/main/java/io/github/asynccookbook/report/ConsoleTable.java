package io.github.asynccookbook.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table with aligned columns: text cells to the left, numbers to the right.
 *
 * <pre>{@code
 * var table = new ConsoleTable("Mode", "Wall", "Speedup");
 * table.row("sequential", "7.412s", "1.00x");
 * System.out.print(table.render());
 * }</pre>
 */
public final class ConsoleTable {

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    public ConsoleTable(String... headers) {
        this.headers = List.of(headers);
    }

    public ConsoleTable row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
        }
        rows.add(Arrays.stream(cells).map(String::valueOf).toList());
        return this;
    }

    public String render() {
        int[] widths = new int[headers.size()];
        boolean[] numeric = new boolean[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = headers.get(c).length();
            numeric[c] = !rows.isEmpty();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
                numeric[c] &= looksNumeric(row.get(c));
            }
        }
        var out = new StringBuilder();
        line(out, headers, widths, numeric);
        var rule = new ArrayList<String>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        line(out, rule, widths, numeric);
        rows.forEach(row -> line(out, row, widths, numeric));
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths, boolean[] numeric) {
        var line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - cell.length());
            line.append(c == 0 ? "" : "  ").append(numeric[c] ? pad + cell : cell + pad);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    /** Numbers with optional units ("7.412s", "4.62x", "12", "-") align right. */
    private static boolean looksNumeric(String cell) {
        return cell.equals("-") || cell.matches("[-+]?[0-9][0-9,.]*\\s?[a-zA-Z%/]*");
    }
}
