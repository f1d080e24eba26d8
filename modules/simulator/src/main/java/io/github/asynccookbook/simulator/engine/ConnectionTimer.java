package io.github.asynccookbook.simulator.engine;

import io.netty.channel.EventLoop;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Delays on the connection's own event loop: a chunk falls due on the thread that writes its bytes, so thousands of
 * streams share no timer queue and no bytes change threads. Cancelling the delay cancels its timer.
 */
final class ConnectionTimer {

    private final EventLoop loop;

    private ConnectionTimer(EventLoop loop) {
        this.loop = loop;
    }

    static ConnectionTimer of(HttpServerResponse response) {
        var loop = new AtomicReference<EventLoop>();
        response.withConnection(connection -> loop.set(connection.channel().eventLoop()));
        return new ConnectionTimer(loop.get());
    }

    Mono<Long> delay(Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            return Mono.just(0L);
        }
        return Mono.create(sink -> {
            ScheduledFuture<?> timer = loop.schedule(() -> sink.success(0L), delay.toNanos(), TimeUnit.NANOSECONDS);
            sink.onCancel(() -> timer.cancel(false));
        });
    }
}
