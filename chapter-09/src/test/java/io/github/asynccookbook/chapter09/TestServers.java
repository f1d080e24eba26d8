package io.github.asynccookbook.chapter09;

import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.recipes.AskServer;
import io.github.asynccookbook.simulator.Simulator;

import java.util.function.Function;

/** The chapter's servers, started on loopback port 0 against a test's simulator: every test runs on each. */
enum TestServers {

    JAVALIN(llm -> _01_JavalinServer.serve(llm, "127.0.0.1", 0)),
    SPRING(llm -> _02_SpringServer.serve(llm, "127.0.0.1", 0));

    private final Function<AskServer.Llm, WebServer> start;

    TestServers(Function<AskServer.Llm, WebServer> start) {
        this.start = start;
    }

    WebServer start(Simulator simulator, AskServer.Settings settings) {
        var providers = ProviderSet.forSimulator(simulator).select("both");
        return start.apply(AskModels.llm(providers, settings));
    }
}
