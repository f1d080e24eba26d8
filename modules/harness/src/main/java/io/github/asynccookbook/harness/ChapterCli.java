package io.github.asynccookbook.harness;

import io.github.asynccookbook.providers.Providers;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Runs a chapter's command the way every main behaves: a bad option prints one line (exit 2), a failure prints the
 * one line {@link Failures} makes of it (exit 2 for a setting to fix, 1 otherwise) and the stack trace only with
 * {@code --verbose}, and the embedded simulator is stopped at the end so {@code mvn exec:java} returns promptly.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     ChapterCli.exit(new _01_FirstCall(), args);
 * }
 * }</pre>
 */
public final class ChapterCli {

    static final String VERBOSE = "--verbose";

    private ChapterCli() {
    }

    /** Runs the command and exits the JVM with its status. */
    public static void exit(Object command, String... args) {
        System.exit(run(command, System.out, System.err, args));
    }

    /** Runs the command, printing to {@code out} and {@code err}, and returns its exit status. */
    public static int run(Object command, PrintStream out, PrintStream err, String... args) {
        var outWriter = new PrintWriter(out, true, StandardCharsets.UTF_8);
        var errWriter = new PrintWriter(err, true, StandardCharsets.UTF_8);
        try {
            return commandLine(command, outWriter, errWriter).execute(args);
        } finally {
            Providers.close();
            outWriter.flush();
            errWriter.flush();
        }
    }

    private static CommandLine commandLine(Object command, PrintWriter out, PrintWriter err) {
        var commandLine = new CommandLine(command);
        commandLine.getCommandSpec().addOption(OptionSpec.builder(VERBOSE)
                .description("Print the stack trace of a failure.").build());
        return commandLine
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler((error, badArgs) -> {
                    error.getCommandLine().getErr().println(Failures.scrub(error.getMessage()) + " (see --help)");
                    return CommandLine.ExitCode.USAGE;
                })
                .setExecutionExceptionHandler((error, cli, parseResult) -> {
                    Failures.Failure failure = Failures.describe(error);
                    cli.getErr().println(failure.line());
                    if (parseResult.hasMatchedOption(VERBOSE)) {
                        cli.getErr().print(Failures.stackTrace(error));
                    }
                    return failure.exitCode();
                });
    }
}
