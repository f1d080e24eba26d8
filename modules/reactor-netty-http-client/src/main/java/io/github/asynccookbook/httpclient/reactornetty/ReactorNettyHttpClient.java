package io.github.asynccookbook.httpclient.reactornetty;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.FormDataFile;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.DefaultServerSentEventParser;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.timeout.ReadTimeoutException;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.resources.ConnectionProvider;

/**
 * A LangChain4j {@link HttpClient} on Reactor Netty: a streaming call holds a socket, not a thread.
 * SSE bytes are decoded on the event loop as they arrive; cancelling a stream closes its connection.
 */
public class ReactorNettyHttpClient implements HttpClient {

    private static final byte[] NO_BYTES = new byte[0];

    private final reactor.netty.http.client.HttpClient plain;
    private final reactor.netty.http.client.HttpClient secure;

    public ReactorNettyHttpClient(ReactorNettyHttpClientBuilder builder) {
        ConnectionProvider pool = ConnectionProvider.builder("langchain4j-reactor-netty")
                .maxConnections(builder.maxConnections())
                .pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(Duration.ofMinutes(10))
                .maxIdleTime(Duration.ofSeconds(20))
                .build();
        reactor.netty.http.client.HttpClient base = reactor.netty.http.client.HttpClient.create(pool);
        if (builder.connectTimeout() != null) {
            base = base.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) builder.connectTimeout().toMillis());
        }
        if (builder.readTimeout() != null) {
            base = base.responseTimeout(builder.readTimeout());
        }
        this.plain = base.protocol(HttpProtocol.HTTP11);
        this.secure = builder.http2()
                ? base.protocol(HttpProtocol.H2, HttpProtocol.HTTP11).secure()
                : base.protocol(HttpProtocol.HTTP11).secure();
    }

    public static ReactorNettyHttpClientBuilder builder() {
        return new ReactorNettyHttpClientBuilder();
    }

    /** Blocks the caller (the contract of the synchronous API) while the exchange itself runs on the event loop. */
    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        return send(request)
                .responseSingle((response, body) -> body.asByteArray()
                        .defaultIfEmpty(NO_BYTES)
                        .map(bytes -> successfulOrThrow(response, bytes)))
                .onErrorMap(ReactorNettyHttpClient::isTimeout, TimeoutException::new)
                .block();
    }

    /**
     * Streams without a thread per stream. LangChain4j's default parser reads an InputStream, so its rules are
     * applied here byte by byte instead; any other parser gets the whole body once it has arrived.
     */
    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        ServerSentEventStream stream = new ServerSentEventStream(listener);
        stream.start(send(request).response((response, body) -> {
            if (!isSuccessful(response)) {
                return body.aggregate().asString(UTF_8).defaultIfEmpty("")
                        .flatMap(text -> Mono.error(new HttpException(response.status().code(), text)));
            }
            stream.open(toResponse(response, null));
            if (parser.getClass() != DefaultServerSentEventParser.class) {
                return body.aggregate().asByteArray().doOnNext(bytes ->
                        parser.parse(new ByteArrayInputStream(bytes), stream.listenerUntilCancelled()));
            }
            ServerSentEventDecoder decoder = new ServerSentEventDecoder(stream::event);
            return body.asByteArray().doOnNext(decoder::feed).then(Mono.fromRunnable(decoder::finish));
        }).onErrorMap(ReactorNettyHttpClient::isTimeout, TimeoutException::new));
    }

    private reactor.netty.http.client.HttpClient.ResponseReceiver<?> send(HttpRequest request) {
        reactor.netty.http.client.HttpClient client = request.url().startsWith("https:") ? secure : plain;
        var sender = client
                .headers(headers -> copyHeaders(request, headers))
                .request(HttpMethod.valueOf(request.method().name()))
                .uri(request.url());
        if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
            return sender.sendForm((ignored, form) -> {
                form.multipart(true);
                request.formDataFields().forEach(form::attr);
                for (Map.Entry<String, FormDataFile> file : request.formDataFiles().entrySet()) {
                    FormDataFile f = file.getValue();
                    form.file(file.getKey(), f.fileName(), new ByteArrayInputStream(f.content()), f.contentType());
                }
            });
        }
        if (request.body() == null) {
            return sender;
        }
        byte[] body = request.body().getBytes(UTF_8);
        return client
                .headers(headers -> copyHeaders(request, headers).set(HttpHeaderNames.CONTENT_LENGTH, body.length))
                .request(HttpMethod.valueOf(request.method().name()))
                .uri(request.url())
                .send(ByteBufFlux.fromInbound(Mono.just(body)));
    }

    private static HttpHeaders copyHeaders(HttpRequest request, HttpHeaders headers) {
        request.headers().forEach((name, values) -> {
            if (values != null) {
                values.forEach(value -> headers.add(name, value));
            }
        });
        return headers;
    }

    private static SuccessfulHttpResponse successfulOrThrow(HttpClientResponse response, byte[] body) {
        if (!isSuccessful(response)) {
            throw new HttpException(response.status().code(), new String(body, UTF_8));
        }
        return toResponse(response, body);
    }

    private static boolean isSuccessful(HttpClientResponse response) {
        int status = response.status().code();
        return status >= 200 && status < 300;
    }

    private static SuccessfulHttpResponse toResponse(HttpClientResponse response, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : response.responseHeaders().names()) {
            headers.put(name, response.responseHeaders().getAll(name));
        }
        return SuccessfulHttpResponse.builder()
                .statusCode(response.status().code())
                .headers(headers)
                .body(body)
                .build();
    }

    private static boolean isTimeout(Throwable error) {
        return error instanceof ReadTimeoutException || error instanceof ConnectTimeoutException;
    }
}
