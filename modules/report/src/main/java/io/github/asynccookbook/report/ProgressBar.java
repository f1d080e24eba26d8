package io.github.asynccookbook.report;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar redrawn in place ({@code \r}) as work completes, safe to advance from many threads.
 * Only draw it on a terminal: {@link #onTerminal} returns a silent bar when output is redirected, so logs and
 * piped output stay clean.
 *
 * <pre>{@code
 * try (var progress = ProgressBar.onTerminal(40)) {
 *     tasks.forEach(task -> { task.run(); progress.step("gemini concurrent"); });
 * }
 * }</pre>
 */
public final class ProgressBar implements AutoCloseable {

    private static final int BAR_WIDTH = 30;

    private final PrintStream out;
    private final long total;
    private long done;
    private int lastWidth;

    /** A bar drawn on {@code out}, or a silent one when {@code out} is null. */
    public ProgressBar(PrintStream out, long total) {
        this.out = out;
        this.total = Math.max(1, total);
    }

    /** Drawn on standard output when the program runs in a terminal, silent otherwise. */
    public static ProgressBar onTerminal(long total) {
        return new ProgressBar(System.console() != null ? System.out : null, total);
    }

    /** One more unit done; {@code label} says what is running now. */
    public synchronized void step(String label) {
        done = Math.min(total, done + 1);
        if (out == null) {
            return;
        }
        int filled = (int) (BAR_WIDTH * done / total);
        String line = String.format(Locale.ROOT, "[%s%s] %d/%d %s", "#".repeat(filled),
                " ".repeat(BAR_WIDTH - filled), done, total, label);
        out.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
        out.flush();
        lastWidth = line.length();
    }

    public synchronized long done() {
        return done;
    }

    /** Clears the bar's line so the next output starts on a clean line. */
    @Override
    public synchronized void close() {
        if (out != null && lastWidth > 0) {
            out.print("\r" + " ".repeat(lastWidth) + "\r");
            out.flush();
            lastWidth = 0;
        }
    }
}
