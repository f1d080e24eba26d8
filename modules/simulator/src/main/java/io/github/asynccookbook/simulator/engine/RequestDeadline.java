package io.github.asynccookbook.simulator.engine;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import reactor.netty.NettyPipeline;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection whose request, headers and body, does not arrive whole within the deadline of its first byte.
 * Reactor Netty's idle timeout restarts with every byte, so a client trickling a header line or a few body bytes
 * every few seconds (slowloris) would otherwise hold its connection for ever.
 */
final class RequestDeadline {

    private final long deadlineNanos;
    private ScheduledFuture<?> pending;
    private boolean betweenRequests = true;

    private RequestDeadline(Duration deadline) {
        this.deadlineNanos = deadline.toNanos();
    }

    /** Watches the raw bytes before the HTTP codec and the decoded request after it. */
    static void install(ChannelPipeline pipeline, Duration deadline) {
        var watch = new RequestDeadline(deadline);
        pipeline.addBefore(NettyPipeline.HttpCodec, "simulator.requestDeadline.bytes", watch.new FirstByte());
        pipeline.addAfter(NettyPipeline.HttpCodec, "simulator.requestDeadline.request", watch.new RequestRead());
    }

    /** A byte that starts a request arms the deadline. */
    private final class FirstByte extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (betweenRequests && pending == null) {
                Runnable close = ctx.channel()::close;
                pending = ctx.executor().schedule(close, deadlineNanos, TimeUnit.NANOSECONDS);
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            disarm();
            ctx.fireChannelInactive();
        }
    }

    /** The end of the body disarms it, and makes the next byte the start of the next request. */
    private final class RequestRead extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest) {
                betweenRequests = false;
            }
            if (msg instanceof LastHttpContent) {
                disarm();
                betweenRequests = true;
            }
            ctx.fireChannelRead(msg);
        }
    }

    private void disarm() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }
}
