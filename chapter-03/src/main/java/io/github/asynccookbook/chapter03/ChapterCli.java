package io.github.asynccookbook.chapter03;

import io.github.asynccookbook.providers.ProviderConfigException;
import io.github.asynccookbook.providers.Providers;
import picocli.CommandLine;

/**
 * Runs an example's command the way every main of this chapter does: picocli reports bad options in one line plus
 * usage (exit 2), a provider setting to fix prints its one-line message (exit 2), and the default providers'
 * simulator is stopped at the end so {@code mvn exec:java} returns promptly.
 */
final class ChapterCli {

    private ChapterCli() {
    }

    static int execute(Object command, String... args) {
        try {
            return new CommandLine(command)
                    .setExecutionExceptionHandler((error, commandLine, parseResult) -> {
                        if (error instanceof ProviderConfigException config) {
                            commandLine.getErr().println(config.getMessage());
                            return CommandLine.ExitCode.USAGE;
                        }
                        throw error;
                    })
                    .execute(args);
        } finally {
            Providers.close();
        }
    }
}
