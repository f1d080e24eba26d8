package io.github.asynccookbook.simulator.engine;

import io.github.asynccookbook.simulator.SimulatorConfig;
import io.github.asynccookbook.simulator.BatchStats;
import io.github.asynccookbook.simulator.SimulatorStats;
import io.github.asynccookbook.simulator.gemini.GeminiBatches;
import io.github.asynccookbook.simulator.gemini.GeminiProtocol;
import io.github.asynccookbook.simulator.mistral.MistralBatches;
import io.github.asynccookbook.simulator.mistral.MistralProtocol;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.server.HttpServer;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/** The Reactor Netty server behind {@link io.github.asynccookbook.simulator.Simulator}: binds, routes, and owns the state. */
public final class SimulatorServer implements AutoCloseable {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    /** Large requests parse here, at most one per core at a time; more wait in a short queue, then get a 503. */
    private static final int PARSE_QUEUE = 16;
    /** Connections accepted by the kernel but not yet by the server: room for a 10,000-stream burst. */
    private static final int ACCEPT_BACKLOG = 16_384;

    private final SimulatorConfig config;
    private final SimulatorClock clock = new SimulatorClock();
    private final StatsRecorder stats = new StatsRecorder(clock);
    private final RateLimiter limiter;
    private final Rolls rolls;
    private final BatchApi batches;
    /** Every open connection, keep-alive ones included, so that closing the simulator closes them too. */
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Scheduler parsing;
    private final DisposableServer server;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SimulatorServer(SimulatorConfig config, Scheduler parsing) {
        this.config = config;
        this.limiter = new RateLimiter(config);
        this.rolls = new Rolls(config.seed());
        this.parsing = parsing;
        var gemini = new GeminiProtocol();
        var mistral = new MistralProtocol();
        var chat = new ChatExchange(config, clock, stats, limiter, rolls);
        this.batches = new BatchApi(config, clock, gemini, mistral, new GeminiBatches(), new MistralBatches(),
                new BatchItems(config, rolls, chat));
        var router = new Router(config, clock, stats, gemini, mistral, chat, new AdminApi(this), batches, parsing);
        try {
            this.server = HttpServer.create()
                    .host(config.host())
                    .port(config.port())
                    .protocol(HttpProtocol.HTTP11)
                    // Netty's default accept queue is net.core.somaxconn as read at startup (4,096 on recent Linux,
                    // 128 on older kernels); when 10,000 clients connect in the same instant and it is full, the
                    // kernel drops their SYNs and they retry after 1, 3, 7 s until their connect timeout. Ask for
                    // more: the kernel silently caps it at net.core.somaxconn, so raise that too for such bursts.
                    .option(ChannelOption.SO_BACKLOG, ACCEPT_BACKLOG)
                    .channelGroup(connections)
                    .idleTimeout(config.idleTimeout())
                    .doOnChannelInit((observer, channel, address) ->
                            RequestDeadline.install(channel.pipeline(), config.requestReadTimeout()))
                    .handle(router::handle)
                    .bindNow();
        } catch (RuntimeException bindFailed) {
            parsing.dispose();
            throw bindFailed;
        }
    }

    public static SimulatorServer start(SimulatorConfig config) {
        int cores = Runtime.getRuntime().availableProcessors();
        return start(config, Schedulers.newBoundedElastic(cores, PARSE_QUEUE, "simulator-parse", 60, true));
    }

    /** With the scheduler that parses large requests, which the server disposes of when it closes. */
    static SimulatorServer start(SimulatorConfig config, Scheduler parsing) {
        return new SimulatorServer(config, parsing);
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

    /** Every batch job since the last reset, with its state now. */
    public BatchStats batches() {
        return batches.stats();
    }

    public void resetStats() {
        stats.reset();
    }

    public void reset() {
        stats.reset();
        limiter.reset();
        rolls.reset();
        batches.reset();
    }

    /**
     * Stops listening, then closes every connection at once: a stream in flight ends for its client as a dropped
     * connection, as when a real server goes away, instead of being waited for. Returns once all are closed;
     * closing again does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.dispose();
        connections.close().awaitUninterruptibly(CLOSE_TIMEOUT.toMillis());
        server.onDispose().block(CLOSE_TIMEOUT);
        parsing.dispose();
    }
}
