package io.github.asynccookbook.chapter11;

import io.github.asynccookbook.harness.Bounds;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/** The options of the shared-limit examples: how many worker JVMs, how many calls each, and the simulator's pace. */
public final class DemoOptions {

    @Option(names = "--workers", paramLabel = "N", defaultValue = "3",
            description = "Worker JVMs sharing the one key (default: ${DEFAULT-VALUE}).")
    int workers = 3;

    @Option(names = "--requests", paramLabel = "N", defaultValue = "10",
            description = "Calls each worker makes (default: ${DEFAULT-VALUE}).")
    int requests = 10;

    @Option(names = "--time-scale", paramLabel = "X", defaultValue = "0.05", converter = TimeScale.class,
            description = "Simulator speed, 0.01 to 1: 0.05 makes Gemini's free-tier minute 3 s "
                    + "(default: ${DEFAULT-VALUE}).")
    double timeScale = 0.05;

    @Option(names = "--redis", paramLabel = "URL",
            description = "Redis for the shared bucket, e.g. redis://127.0.0.1:6379 (default: start redis-server "
                    + "on a free port when it is installed, else skip Redis).")
    String redis;

    /** Usage errors before any JVM or simulator starts. */
    void validate(CommandSpec spec) {
        Bounds.require(spec, "--workers", workers, 2, 8);
        Bounds.require(spec, "--requests", requests, 1, 100);
        if (redis != null) {   // one line now, not three workers failing later
            LocalRedis.problem(redis).ifPresent(problem -> {
                throw new ParameterException(spec.commandLine(), "--redis: " + problem);
            });
        }
    }

    static final class TimeScale implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            try {
                double scale = Double.parseDouble(value);
                if (scale >= 0.01 && scale <= 1) {
                    return scale;
                }
            } catch (NumberFormatException notANumber) {
                // reported below like any other bad value
            }
            throw new TypeConversionException("'" + value + "' is not a time scale: use a number from 0.01 to 1");
        }
    }
}
