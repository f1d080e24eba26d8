package io.github.asynccookbook.report;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes results as RFC 4180 CSV (commons-csv), the format every spreadsheet and {@code pandas.read_csv} reads,
 * so a run can be analysed outside Java. Missing parent folders are created.
 *
 * <pre>{@code
 * CsvFiles.write(Path.of("out/requests.csv"), List.of("provider", "ms"), List.of(List.of("gemini", 812)));
 * }</pre>
 */
public final class CsvFiles {

    private CsvFiles() {
    }

    /** Writes {@code header} then one record per row; a null cell is written as an empty field. */
    public static void write(Path file, List<String> header, Iterable<? extends List<?>> rows) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get();
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, format)) {
            for (List<?> row : rows) {
                if (row.size() != header.size()) {
                    throw new IllegalArgumentException("expected " + header.size() + " cells, got " + row.size());
                }
                printer.printRecord(row);
            }
        }
    }
}
