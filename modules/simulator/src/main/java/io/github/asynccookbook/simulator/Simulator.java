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
 */
public final class Simulator implements AutoCloseable {

    private final SimulatorServer server;

    private Simulator(SimulatorServer server) {
        this.server = server;
    }

    public static Simulator start(SimulatorConfig config) {
        return new Simulator(SimulatorServer.start(config));
    }

    public static Simulator start() {
        return start(SimulatorConfig.defaults());
    }

    public SimulatorConfig config() {
        return server.config();
    }

    public int port() {
        return server.port();
    }

    /** {@code http://host:port}, where both APIs are served. */
    public String baseUrl() {
        return "http://" + server.host() + ":" + port();
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
        return server.stats();
    }

    /** Clears the recorded stats (requests still in flight are no longer recorded); rate-limit windows keep counting. */
    public void resetStats() {
        server.resetStats();
    }

    /** Clears stats, rate-limit windows and the per-request counters behind jitter and fault rolls. */
    public void reset() {
        server.reset();
    }

    /** A client's {@code System.nanoTime()} reading on the simulator's clock (milliseconds since it started). */
    public double millisAt(long nanoTime) {
        return server.clock().millisAt(nanoTime);
    }

    @Override
    public void close() {
        server.close();
    }
}
