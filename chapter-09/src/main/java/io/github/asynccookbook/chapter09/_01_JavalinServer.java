package io.github.asynccookbook.chapter09;

import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.recipes.AskServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** The recipe {@link AskServer}: Javalin 7, a virtual thread per request, blocking handlers. */
@Command(name = "_01_JavalinServer", mixinStandardHelpOptions = true,
        description = "Serve POST /ask, GET /query, GET /stream (SSE or text) and the page with Javalin on virtual "
                + "threads, until Ctrl-C.")
public final class _01_JavalinServer implements Callable<Integer> {

    // tag::serve[]
    static WebServer serve(AskServer.Llm llm, String bind, int port) {
        AskServer server = AskServer.start(llm, bind, port);
        return new WebServer() {
            @Override
            public String url() {
                return "http://" + (bind.contains(":") ? "[" + bind + "]" : bind) + ":" + server.port();
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }
    // end::serve[]

    @Mixin
    ServerOptions options;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        ChapterCli.exit(new _01_JavalinServer(), args);
    }

    @Override
    public Integer call() throws InterruptedException {
        options.validate(spec);
        var providers = options.providers();
        WebServer server = serve(AskModels.llm(providers, options.settings()), options.bind, options.port);
        Serving.announce("Javalin", server, providers);
        Serving.untilShutdown(server);
        return 0;
    }
}
