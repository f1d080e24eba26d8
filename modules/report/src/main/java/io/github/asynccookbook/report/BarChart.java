package io.github.asynccookbook.report;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A grouped bar chart saved as PNG (XChart): one group per category, one bar per series, with optional error
 * bars, e.g. wall time per mode (categories) for each provider (series), the standard deviation as error bar.
 *
 * <pre>{@code
 * new BarChart("Wall time", "mode", "seconds")
 *         .series("Gemini", List.of("sequential", "concurrent"), List.of(7.4, 1.6), List.of(0.2, 0.1))
 *         .savePng(Path.of("out/chart.png"));
 * }</pre>
 */
public final class BarChart {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 520;

    private final CategoryChart chart;

    public BarChart(String title, String xAxisTitle, String yAxisTitle) {
        // Charts are drawn off-screen; this keeps AWT from looking for a display on a server.
        System.setProperty("java.awt.headless", "true");
        chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xAxisTitle).yAxisTitle(yAxisTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
    }

    /** Adds one bar per category; {@code errors} (same size as {@code values}) draws error bars, or pass null. */
    public BarChart series(String name, List<String> categories, List<? extends Number> values,
                           List<? extends Number> errors) {
        if (categories.size() != values.size() || (errors != null && errors.size() != values.size())) {
            throw new IllegalArgumentException("series " + name + ": categories, values and errors differ in size");
        }
        if (errors == null) {
            chart.addSeries(name, categories, values);
        } else {
            chart.addSeries(name, categories, values, errors);
        }
        return this;
    }

    /** Writes the chart as a PNG file, creating missing parent folders. */
    public void savePng(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }
}
