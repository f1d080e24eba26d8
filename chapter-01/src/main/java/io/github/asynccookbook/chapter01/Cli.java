package io.github.asynccookbook.chapter01;

import io.github.asynccookbook.providers.ProviderConfigException;
import io.github.asynccookbook.providers.Providers;
import picocli.CommandLine;

/**
 * Runs one of the chapter's commands the way every main should behave: a bad option prints one line and the usage
 * (exit 2, picocli's default), a provider configuration error prints its one-line message (exit 2), and the
 * embedded simulator is stopped at the end so {@code mvn exec:java} returns promptly.
 */
public final class Cli {

    public static final int USAGE_ERROR = 2;

    private Cli() {
    }

    public static int execute(Object command, String... args) {
        var commandLine = new CommandLine(command)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((error, cli, parseResult) -> {
                    if (error instanceof ProviderConfigException) {
                        cli.getErr().println(error.getMessage());
                        return USAGE_ERROR;
                    }
                    throw error;
                });
        try {
            return commandLine.execute(args);
        } finally {
            Providers.close();
        }
    }
}
