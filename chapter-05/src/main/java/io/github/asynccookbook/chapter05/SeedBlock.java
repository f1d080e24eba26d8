package io.github.asynccookbook.chapter05;

import java.util.Locale;

/**
 * The source benchmark's output for one provider, character for character, so the two runs can be compared line
 * by line:
 *
 * <pre>
 * ===== Gemini (ASYNC BENCH) =====
 * Sequential time: 7.412s
 * Concurrent time: 1.603s
 * Speedup: 4.62x
 * </pre>
 */
public final class SeedBlock {

    private SeedBlock() {
    }

    // tag::block[]
    public static String of(String provider, double sequentialSeconds, double concurrentSeconds) {
        return String.format(Locale.ROOT, """
                ===== %s (ASYNC BENCH) =====
                Sequential time: %.3fs
                Concurrent time: %.3fs
                Speedup: %.2fx
                """, provider, sequentialSeconds, concurrentSeconds, sequentialSeconds / concurrentSeconds);
    }
    // end::block[]
}
