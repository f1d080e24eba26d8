package io.github.asynccookbook.simulator;

import io.github.asynccookbook.simulator.engine.SimulatorServer;

/**
 * A running provider simulator: one local port that speaks the Gemini API (under {@code /v1beta} and {@code /v1})
 * and the Mistral API (under {@code /v1}), with realistic latency, rate limits and faults, and that records what
 * it saw as ground truth for tests ({@link #stats()}, or {@code GET /_sim/stats}).
 *
 * <pre>{@code
 * try (Simulator sim = Simulator.start(SimulatorConfig.defaults())) {
 *     ChatModel gemini = GoogleAiGeminiChatModel.builder()
 *             .baseUrl(sim.geminiBaseUrl()).apiKey("any").modelName("gemini-2.5-flash").build();
 * }
 * }</pre>
 *
 * {@link #connect(String)} gives the same view of a simulator running in another process (its ground truth read
 * over HTTP), so a benchmark's load and the simulator need not share a JVM.
 */
public final class Simulator implements AutoCloseable {

    /** What a simulator offers, whether it runs in this JVM or in another process. */
    interface Backend extends AutoCloseable {
        SimulatorConfig config();

        String host();

        int port();

        SimulatorStats stats();

        /** The stats without the per-request records; the same snapshot when it is in this JVM. */
        default SimulatorStats summary() {
            return stats();
        }

        BatchStats batches();

        void resetStats();

        void reset();

        double millisAt(long nanoTime);

        @Override
        void close();
    }

    private final Backend backend;
    private final boolean embedded;

    private Simulator(Backend backend, boolean embedded) {
        this.backend = backend;
        this.embedded = embedded;
    }

    public static Simulator start(SimulatorConfig config) {
        SimulatorServer server = SimulatorServer.start(config);
        return new Simulator(new Backend() {
            public SimulatorConfig config() { return server.config(); }
            public String host() { return server.host(); }
            public int port() { return server.port(); }
            public SimulatorStats stats() { return server.stats(); }
            public BatchStats batches() { return server.batches(); }
            public void resetStats() { server.resetStats(); }
            public void reset() { server.reset(); }
            public double millisAt(long nanoTime) { return server.clock().millisAt(nanoTime); }
            public void close() { server.close(); }
        }, true);
    }

    public static Simulator start() {
        return start(SimulatorConfig.defaults());
    }

    /**
     * A simulator already running in another process, e.g. {@code mvn -pl modules/simulator exec:java}, at
     * {@code http://host:port} (a base URL with {@code /v1beta} or {@code /v1} works too). Its ground truth is read
     * over HTTP; {@link #close()} leaves it running.
     *
     * @throws IllegalStateException when nothing there answers as a simulator
     */
    public static Simulator connect(String url) {
        return new Simulator(RemoteSimulator.connect(url), false);
    }

    /** Whether this simulator runs in this JVM ({@link #start}) rather than in another process ({@link #connect}). */
    public boolean embedded() {
        return embedded;
    }

    public SimulatorConfig config() {
        return backend.config();
    }

    public int port() {
        return backend.port();
    }

    /** {@code http://host:port}, where both APIs are served. */
    public String baseUrl() {
        return "http://" + backend.host() + ":" + port();
    }

    /** The base URL for LangChain4j's Gemini models: {@code http://host:port/v1beta}. */
    public String geminiBaseUrl() {
        return baseUrl() + "/v1beta";
    }

    /** The base URL for LangChain4j's Mistral models: {@code http://host:port/v1}. */
    public String mistralBaseUrl() {
        return baseUrl() + "/v1";
    }

    public SimulatorStats stats() {
        return backend.stats();
    }

    /**
     * The stats without the per-request records (their {@code requests()} may be empty): in-flight counts and the
     * per-model totals. Cheap from another process, where {@link #stats()} sends every request's record.
     */
    public SimulatorStats summary() {
        return backend.summary();
    }

    /** Ground truth of the Batch APIs: every job created since the last {@link #reset()}, with its state now. */
    public BatchStats batches() {
        return backend.batches();
    }

    /** Clears the recorded stats (requests still in flight are no longer recorded); rate-limit windows keep counting. */
    public void resetStats() {
        backend.resetStats();
    }

    /** Clears stats, rate-limit windows and the per-request counters behind jitter and fault rolls. */
    public void reset() {
        backend.reset();
    }

    /** A client's {@code System.nanoTime()} reading on the simulator's clock (milliseconds since it started). */
    public double millisAt(long nanoTime) {
        return backend.millisAt(nanoTime);
    }

    /** Stops an embedded simulator; a connected one keeps running. */
    @Override
    public void close() {
        backend.close();
    }
}
