package io.github.asynccookbook.httpclient.reactornetty;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import java.time.Duration;
import java.util.function.Supplier;

/** The two transports every behaviour test runs on: LangChain4j's own JDK one is the reference. */
enum Transport {
    JDK(JdkHttpClient::builder),
    REACTOR_NETTY(ReactorNettyHttpClientBuilder::new);

    private final Supplier<HttpClientBuilder> builder;

    Transport(Supplier<HttpClientBuilder> builder) {
        this.builder = builder;
    }

    HttpClientBuilder builder() {
        return builder.get().connectTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(60));
    }
}
