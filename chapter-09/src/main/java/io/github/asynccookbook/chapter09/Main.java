package io.github.asynccookbook.chapter09;

import io.github.asynccookbook.harness.ChapterCli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** Starts one of the chapter's servers on the simulator (or live with keys) and prints the page's URL. */
@Command(name = "Main", mixinStandardHelpOptions = true,
        description = "Chapter 09: serve Gemini and Mistral over HTTP (JSON, SSE, a page) until Ctrl-C.")
public final class Main implements Callable<Integer> {

    /** The {@code --server} values. */
    enum Server { javalin, spring }

    @Option(names = "--server", paramLabel = "javalin|spring", defaultValue = "javalin",
            description = "Which server: javalin (virtual threads) or spring (WebFlux) (default: ${DEFAULT-VALUE}).")
    Server server = Server.javalin;

    @Mixin
    ServerOptions options;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        ChapterCli.exit(new Main(), args);
    }

    @Override
    public Integer call() throws InterruptedException {
        options.validate(spec);
        var providers = options.providers();
        var llm = AskModels.llm(providers, options.settings());
        WebServer running = switch (server) {
            case javalin -> _01_JavalinServer.serve(llm, options.bind, options.port);
            case spring -> _02_SpringServer.serve(llm, options.bind, options.port);
        };
        Serving.announce(server == Server.javalin ? "Javalin" : "Spring WebFlux", running, providers);
        Serving.untilShutdown(running);
        return 0;
    }
}
