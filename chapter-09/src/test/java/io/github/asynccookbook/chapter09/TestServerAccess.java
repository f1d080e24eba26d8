package io.github.asynccookbook.chapter09;

import io.github.asynccookbook.recipes.AskServer;

/** Lets the load benchmark (another package) start the chapter's servers by name. */
public final class TestServerAccess {

    private TestServerAccess() {
    }

    public static WebServer start(String name, AskServer.Llm llm) {
        return switch (name) {
            case "javalin" -> _01_JavalinServer.serve(llm, "127.0.0.1", 0);
            case "spring" -> _02_SpringServer.serve(llm, "127.0.0.1", 0);
            default -> throw new IllegalArgumentException("unknown server " + name + ": use javalin or spring");
        };
    }
}
