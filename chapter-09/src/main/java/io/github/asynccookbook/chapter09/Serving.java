package io.github.asynccookbook.chapter09;

import io.github.asynccookbook.providers.Provider;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/** What both server commands do once their server is up: say where it is, then serve until Ctrl-C. */
final class Serving {

    private Serving() {
    }

    static void announce(String name, WebServer server, List<Provider> providers) {
        System.out.printf("%s server: open %s/ (%s); Ctrl-C stops it%n", name, server.url(),
                providers.stream().map(Provider::displayName).collect(Collectors.joining(" and ")));
    }

    /** Blocks until the JVM shuts down (Ctrl-C), then stops the server before the simulator goes. */
    static void untilShutdown(WebServer server) throws InterruptedException {
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            System.out.println("stopped");
            stopped.countDown();
        }, "web-server-stop"));
        stopped.await();
    }
}
