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
 * <p>
 * A delay that is already over still waits for the loop's next turn, never completing on the spot: a stream that fell
 * behind its timeline (a starved CPU, a long reply planned on the same loop) then catches up one chunk per turn, and
 * the loop reads its other connections in between. Completing at once let such a stream write chunk after chunk in
 * one go, so a request arriving on the same loop was not even read until that stream ended.
 */
final class ConnectionTimer {

    private final EventLoop loop;

    private ConnectionTimer(EventLoop loop) {
        this.loop = loop;
    }

    static ConnectionTimer of(HttpServerResponse response) {
        var loop = new AtomicReference<EventLoop>();
        response.withConnection(connection -> loop.set(connection.channel().eventLoop()));
        return on(loop.get());
    }

    static ConnectionTimer on(EventLoop loop) {
        return new ConnectionTimer(loop);
    }

    /** Completes on the loop once {@code delay} is over, and never before the loop has polled its connections again. */
    Mono<Long> delay(Duration delay) {
        long nanos = Math.max(0, delay.toNanos());
        return Mono.create(sink -> {
            // A scheduled task, even one already due, runs only after the loop's next I/O pass.
            ScheduledFuture<?> timer = loop.schedule(() -> sink.success(0L), nanos, TimeUnit.NANOSECONDS);
            sink.onCancel(() -> timer.cancel(false));
        });
    }
}
