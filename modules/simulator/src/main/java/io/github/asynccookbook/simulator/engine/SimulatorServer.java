package io.github.asynccookbook.simulator.engine;

import io.github.asynccookbook.simulator.SimulatorConfig;
import io.github.asynccookbook.simulator.SimulatorStats;
import io.github.asynccookbook.simulator.gemini.GeminiProtocol;
import io.github.asynccookbook.simulator.mistral.MistralProtocol;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import reactor.netty.DisposableServer;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.server.HttpServer;

import java.time.Duration;

/** The Reactor Netty server behind {@link io.github.asynccookbook.simulator.Simulator}: binds, routes, and owns the state. */
public final class SimulatorServer implements AutoCloseable {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final SimulatorConfig config;
    private final SimulatorClock clock = new SimulatorClock();
    private final StatsRecorder stats = new StatsRecorder(clock);
    private final RateLimiter limiter;
    private final Rolls rolls;
    /** Every open connection, keep-alive ones included, so that closing the simulator closes them too. */
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final DisposableServer server;

    private SimulatorServer(SimulatorConfig config) {
        this.config = config;
        this.limiter = new RateLimiter(config);
        this.rolls = new Rolls(config.seed());
        var router = new Router(config, clock, stats, new GeminiProtocol(), new MistralProtocol(),
                new ChatExchange(config, clock, stats, limiter, rolls), new AdminApi(this));
        this.server = HttpServer.create()
                .host(config.host())
                .port(config.port())
                .protocol(HttpProtocol.HTTP11)
                .channelGroup(connections)
                .idleTimeout(Duration.ofMinutes(5))
                .handle(router::handle)
                .bindNow();
    }

    public static SimulatorServer start(SimulatorConfig config) {
        return new SimulatorServer(config);
    }

    public SimulatorConfig config() {
        return config;
    }

    public String host() {
        return server.host();
    }

    public int port() {
        return server.port();
    }

    public SimulatorClock clock() {
        return clock;
    }

    public SimulatorStats stats() {
        return stats.snapshot();
    }

    public void resetStats() {
        stats.reset();
    }

    public void reset() {
        stats.reset();
        limiter.reset();
        rolls.reset();
    }

    /** Returns once the listening socket and every connection are closed. */
    @Override
    public void close() {
        server.disposeNow(CLOSE_TIMEOUT);
        connections.close().awaitUninterruptibly(CLOSE_TIMEOUT.toMillis());
    }
}
