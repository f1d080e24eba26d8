package io.github.asynccookbook.harness;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.util.Locale;

/**
 * Every numeric option is bounded, and a value out of bounds is one line naming the option, its range and what was
 * given: a huge {@code --requests} must not end in an {@code OutOfMemoryError}, a huge {@code --timeout} not in an
 * overflow.
 */
public final class Bounds {

    private Bounds() {
    }

    /** Throws a usage error unless {@code min <= value <= max}. */
    public static void require(CommandSpec spec, String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new ParameterException(spec.commandLine(),
                    String.format(Locale.ROOT, "%s must be between %,d and %,d, got %,d", option, min, max, value));
        }
    }
}
