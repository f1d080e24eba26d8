package io.github.asynccookbook.chapter09;

import io.github.asynccookbook.harness.ProviderOptions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.recipes.AskServer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.time.Duration;
import java.util.List;

/** The options both servers take: where to listen, the providers, and the limits of one request and one client. */
public final class ServerOptions {

    @Mixin
    ProviderOptions providers = new ProviderOptions();

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every "
                    + "interface, behind a proxy that authenticates).")
    String bind = "127.0.0.1";

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "Port to listen on, 0 for any free one (default: ${DEFAULT-VALUE}).")
    int port = 8080;

    @Option(names = "--deadline", paramLabel = "SECONDS", defaultValue = "60",
            description = "Longest time one answer may take (default: ${DEFAULT-VALUE}).")
    int deadlineSeconds = 60;

    @Option(names = "--streams-per-client", paramLabel = "N", defaultValue = "4",
            description = "Streams one client (IP address) may hold open at once; more get a 429 "
                    + "(default: ${DEFAULT-VALUE}).")
    int streamsPerClient = 4;

    void validate(CommandSpec spec) {
        if (port < 0 || port > 65_535) {
            throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535, got " + port);
        }
        if (deadlineSeconds < 1 || deadlineSeconds > 3_600) {
            throw new ParameterException(spec.commandLine(),
                    "--deadline must be between 1 and 3,600 seconds, got %,d".formatted(deadlineSeconds));
        }
        if (streamsPerClient < 1 || streamsPerClient > 100_000) {
            throw new ParameterException(spec.commandLine(),
                    "--streams-per-client must be between 1 and 100,000, got %,d".formatted(streamsPerClient));
        }
    }

    AskServer.Settings settings() {
        return AskServer.Settings.defaults().withDeadline(Duration.ofSeconds(deadlineSeconds))
                .withStreamsPerClient(streamsPerClient);
    }

    List<Provider> providers() {
        return providers.providers();
    }
}
