package io.github.asynccookbook.httpclient.reactornetty;

import static dev.langchain4j.http.client.sse.ServerSentEventListenerUtils.ignoringExceptions;

import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParsingHandle;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.Disposables;

/**
 * One SSE exchange seen from the listener: open, events, then exactly one of error or close, as LangChain4j's JDK
 * transport does. Its parsing handle cancels the subscription, which makes Reactor Netty close the connection.
 */
final class ServerSentEventStream implements ServerSentEventParsingHandle {

    private final ServerSentEventListener listener;
    private final ServerSentEventContext context = new ServerSentEventContext(this);
    private final Disposable.Swap subscription = Disposables.swap();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();

    ServerSentEventStream(ServerSentEventListener listener) {
        this.listener = listener;
    }

    void start(Publisher<?> exchange) {
        subscription.update(reactor.core.publisher.Flux.from(exchange).subscribe(ignored -> {}, this::fail, this::close));
    }

    void open(SuccessfulHttpResponse response) {
        ignoringExceptions(() -> listener.onOpen(response));
    }

    void event(ServerSentEvent event) {
        if (!cancelled.get()) {
            ignoringExceptions(() -> listener.onEvent(event, context));
        }
    }

    /** For a non-default parser: the same listener, silenced once the stream is cancelled. */
    ServerSentEventListener listenerUntilCancelled() {
        return new ServerSentEventListener() {
            @Override
            public void onEvent(ServerSentEvent event, ServerSentEventContext ignored) {
                ServerSentEventStream.this.event(event);
            }

            @Override
            public void onError(Throwable error) {
                fail(error);
            }
        };
    }

    @Override
    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            subscription.dispose();
            close();
        }
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }

    private void fail(Throwable error) {
        if (!cancelled.get() && ended.compareAndSet(false, true)) {
            ignoringExceptions(() -> listener.onError(error));
        }
    }

    private void close() {
        if (ended.compareAndSet(false, true)) {
            ignoringExceptions(listener::onClose);
        }
    }
}
