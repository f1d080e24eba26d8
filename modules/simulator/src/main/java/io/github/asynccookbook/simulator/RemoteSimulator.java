package io.github.asynccookbook.simulator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A simulator in another process, seen through its admin endpoints: {@code /_sim/config} once, then
 * {@code /_sim/stats} on each read. On one machine both JVMs read the same monotonic clock, so client times map
 * onto the simulator's exactly; elsewhere the offset is estimated from the fastest of a few round trips.
 */
final class RemoteSimulator implements Simulator.Backend {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int CLOCK_SAMPLES = 5;
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final URI origin;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1).build();
    private final SimulatorConfig config;
    /** Simulator milliseconds = (client nanoTime − this) / 1e6. */
    private final long originNanos;

    private RemoteSimulator(URI origin) {
        this.origin = origin;
        JsonNode remote = remoteConfig();
        this.config = SimulatorConfig.defaults().toBuilder()
                .host(origin.getHost())
                .port(origin.getPort())
                .timeScale(remote.path("timeScale").asDouble())
                .tier(Tier.parse(remote.path("tier").asText()))
                .seed(remote.path("seed").asLong())
                .stallDuration(Duration.ofMillis(remote.path("stallMillis").asLong()))
                .build();
        this.originNanos = clockOrigin();
    }

    static RemoteSimulator connect(String url) {
        URI uri = URI.create(url);
        if (uri.getHost() == null || uri.getPort() < 0) {
            throw new IllegalStateException("a simulator URL needs a host and a port, e.g. http://127.0.0.1:8787: " + url);
        }
        return new RemoteSimulator(URI.create(uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort()));
    }

    private JsonNode remoteConfig() {
        try {
            return JSON.readTree(get("/_sim/config"));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("no simulator answers at " + origin + " (GET /_sim/config: "
                    + e.getMessage() + "); start one with: mvn -pl modules/simulator exec:java", e);
        }
    }

    /** The same clock when the simulator's reading falls inside our own round trip; else the midpoint estimate. */
    private long clockOrigin() {
        long bestRoundTrip = Long.MAX_VALUE;
        long origin = 0;
        for (int i = 0; i < CLOCK_SAMPLES; i++) {
            long before = System.nanoTime();
            JsonNode remote = remoteConfig();
            long after = System.nanoTime();
            long remoteNow = remote.path("nanoTime").asLong();
            if (remoteNow >= before && remoteNow <= after) {
                return remote.path("originNanos").asLong();
            }
            if (after - before < bestRoundTrip) {
                bestRoundTrip = after - before;
                long remoteMillisNanos = remoteNow - remote.path("originNanos").asLong();
                origin = before + (after - before) / 2 - remoteMillisNanos;
            }
        }
        return origin;
    }

    @Override
    public SimulatorConfig config() {
        return config;
    }

    @Override
    public String host() {
        return origin.getHost();
    }

    @Override
    public int port() {
        return origin.getPort();
    }

    @Override
    public SimulatorStats stats() {
        try {
            return JSON.readValue(get("/_sim/stats"), SimulatorStats.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the simulator's stats at " + origin + ": " + e.getMessage(), e);
        }
    }

    /** {@code ?requests=false}: the counters and per-model timings, without one full record (messages too) per request. */
    @Override
    public SimulatorStats summary() {
        try {
            return JSON.readValue(get("/_sim/stats?requests=false"), SimulatorStats.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the simulator's stats at " + origin + ": " + e.getMessage(), e);
        }
    }

    @Override
    public BatchStats batches() {
        try {
            return JSON.treeToValue(JSON.readTree(get("/_sim/stats?requests=false")).path("batches"), BatchStats.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the simulator's batch jobs at " + origin + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void resetStats() {
        send("DELETE", "/_sim/stats");
    }

    @Override
    public void reset() {
        send("POST", "/_sim/reset");
    }

    @Override
    public double millisAt(long nanoTime) {
        return (nanoTime - originNanos) / 1_000_000.0;
    }

    /** Leaves the simulator running: it belongs to its own process. */
    @Override
    public void close() {
        http.close();
    }

    private String get(String path) {
        return send("GET", path);
    }

    private String send(String method, String path) {
        HttpRequest request = HttpRequest.newBuilder(origin.resolve(path)).timeout(TIMEOUT)
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(method + " " + path + " answered HTTP " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + method + " " + path, e);
        }
    }
}
