package io.github.asynccookbook.chapter05;

import io.github.asynccookbook.providers.ProviderConfigException;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Runs one of the chapter's commands the way every main should behave: a bad option or a provider setting to fix
 * prints one line and exits with 2, a file that cannot be written prints one line and exits with 1, and no stack
 * trace is shown for either.
 */
final class Cli {

    private Cli() {
    }

    static int execute(Object command, PrintStream out, PrintStream err, String... args) {
        var outWriter = new PrintWriter(out, true, StandardCharsets.UTF_8);
        var errWriter = new PrintWriter(err, true, StandardCharsets.UTF_8);
        try {
            return commandLine(command, outWriter, errWriter).execute(args);
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    private static CommandLine commandLine(Object command, PrintWriter out, PrintWriter err) {
        return new CommandLine(command)
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler((error, badArgs) -> {
                    error.getCommandLine().getErr().println(error.getMessage() + " (see --help)");
                    return CommandLine.ExitCode.USAGE;
                })
                .setExecutionExceptionHandler((error, cli, parseResult) -> switch (error) {
                    case ProviderConfigException config -> {
                        cli.getErr().println(config.getMessage());
                        yield CommandLine.ExitCode.USAGE;
                    }
                    case IOException io -> {
                        cli.getErr().println("cannot write the results: " + io.getMessage());
                        yield CommandLine.ExitCode.SOFTWARE;
                    }
                    default -> throw error;
                });
    }
}
