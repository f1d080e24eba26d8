package io.github.asynccookbook.httpclient.reactornetty;

import dev.langchain4j.http.client.HttpClientBuilder;
import java.time.Duration;

/**
 * Configures {@link ReactorNettyHttpClient}: pass it to a model's {@code httpClientBuilder(...)}.
 * The pool defaults to 10,000 connections so thousands of concurrent streams never queue for a socket.
 */
public class ReactorNettyHttpClientBuilder implements HttpClientBuilder {

    private Duration connectTimeout;
    private Duration readTimeout;
    private int maxConnections = 10_000;
    private boolean http2 = true;

    @Override
    public Duration connectTimeout() {
        return connectTimeout;
    }

    @Override
    public ReactorNettyHttpClientBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = timeout;
        return this;
    }

    /** Longest silence allowed between two reads of a response (also the wait for its first byte). */
    @Override
    public Duration readTimeout() {
        return readTimeout;
    }

    @Override
    public ReactorNettyHttpClientBuilder readTimeout(Duration timeout) {
        this.readTimeout = timeout;
        return this;
    }

    public int maxConnections() {
        return maxConnections;
    }

    /** Upper bound of open connections; requests beyond it wait for a free one instead of failing. */
    public ReactorNettyHttpClientBuilder maxConnections(int maxConnections) {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, was " + maxConnections);
        }
        this.maxConnections = maxConnections;
        return this;
    }

    public boolean http2() {
        return http2;
    }

    /** Offers HTTP/2 through ALPN on https URLs (HTTP/1.1 when the server declines); plain http stays HTTP/1.1. */
    public ReactorNettyHttpClientBuilder http2(boolean http2) {
        this.http2 = http2;
        return this;
    }

    @Override
    public ReactorNettyHttpClient build() {
        return new ReactorNettyHttpClient(this);
    }
}
