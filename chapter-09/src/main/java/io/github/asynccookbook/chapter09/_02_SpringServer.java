package io.github.asynccookbook.chapter09;

import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.recipes.AskServer;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** The same routes on Spring Boot WebFlux: {@code Mono<Answer>}, {@code Flux<ServerSentEvent<String>>}. */
@Command(name = "_02_SpringServer", mixinStandardHelpOptions = true,
        description = "Serve POST /ask, GET /query, GET /stream (SSE or text) and the page with Spring Boot WebFlux, "
                + "until Ctrl-C.")
public final class _02_SpringServer implements Callable<Integer> {

    static WebServer serve(AskServer.Llm llm, String bind, int port) {
        ConfigurableApplicationContext context = SpringAskApp.start(llm, bind, port);
        String actualPort = context.getEnvironment().getProperty("local.server.port");
        return new WebServer() {
            @Override
            public String url() {
                return "http://" + (bind.contains(":") ? "[" + bind + "]" : bind) + ":" + actualPort;
            }

            @Override
            public void close() {
                context.close();
            }
        };
    }

    @Mixin
    ServerOptions options;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        ChapterCli.exit(new _02_SpringServer(), args);
    }

    @Override
    public Integer call() throws InterruptedException {
        options.validate(spec);
        var providers = options.providers();
        WebServer server = serve(AskModels.llm(providers, options.settings()), options.bind, options.port);
        Serving.announce("Spring WebFlux", server, providers);
        Serving.untilShutdown(server);
        return 0;
    }
}
