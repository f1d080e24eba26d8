package io.github.asynccookbook.chapter09;

import io.github.asynccookbook.recipes.AskServer;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import java.util.Map;

/**
 * The Spring Boot WebFlux application: Reactor Netty, and {@link AskController} as its only bean of its own. The
 * {@link AskServer.Llm} is given, not configured from properties, so tests and the command share one way in.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class SpringAskApp {

    // tag::boot[]
    static ConfigurableApplicationContext start(AskServer.Llm llm, String bind, int port) {
        return new SpringApplicationBuilder(SpringAskApp.class)
                .web(WebApplicationType.REACTIVE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)                  // the command stops it, before the simulator
                .initializers(context -> ((GenericApplicationContext) context)
                        .registerBean(AskServer.Llm.class, () -> llm))
                .properties(Map.of("server.address", bind, "server.port", port,
                        // GET /stream carries up to 8 KB of question in its URL, URL-encoded: room for it
                        "server.netty.max-initial-line-length", "32KB"))
                .run();
    }
    // end::boot[]
}
