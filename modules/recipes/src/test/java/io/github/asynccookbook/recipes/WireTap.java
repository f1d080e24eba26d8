package io.github.asynccookbook.recipes;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A LangChain4j HTTP client that keeps the data of every server-sent event it receives: what the simulator really
 * put on the wire, to compare with what the events say.
 */
final class WireTap implements HttpClientBuilder {

    /** Named, not loaded: with the Reactor Netty transport on the test classpath the service loader refuses to choose. */
    private final HttpClientBuilder delegate = JdkHttpClient.builder();
    private final List<String> received = new CopyOnWriteArrayList<>();

    List<String> received() {
        return List.copyOf(received);
    }

    @Override
    public Duration connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public HttpClientBuilder connectTimeout(Duration timeout) {
        delegate.connectTimeout(timeout);
        return this;
    }

    @Override
    public Duration readTimeout() {
        return delegate.readTimeout();
    }

    @Override
    public HttpClientBuilder readTimeout(Duration timeout) {
        delegate.readTimeout(timeout);
        return this;
    }

    @Override
    public HttpClient build() {
        HttpClient client = delegate.build();
        return new HttpClient() {
            @Override
            public SuccessfulHttpResponse execute(HttpRequest request) {
                return client.execute(request);
            }

            @Override
            public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
                client.execute(request, parser, new ServerSentEventListener() {
                    @Override
                    public void onOpen(SuccessfulHttpResponse response) {
                        listener.onOpen(response);
                    }

                    @Override
                    public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
                        received.add(event.data());
                        listener.onEvent(event, context);
                    }

                    @Override
                    public void onEvent(ServerSentEvent event) {
                        received.add(event.data());
                        listener.onEvent(event);
                    }

                    @Override
                    public void onError(Throwable error) {
                        listener.onError(error);
                    }

                    @Override
                    public void onClose() {
                        listener.onClose();
                    }
                });
            }
        };
    }
}
