package io.github.asynccookbook.chapter11;

import io.lettuce.core.RedisClient;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A throw-away {@code redis-server} on a free loopback port, no persistence, for the demo and the tests when Redis is
 * installed (Debian: {@code apt-get install redis-server}). A real deployment points the workers at the Redis it runs.
 */
final class LocalRedis implements AutoCloseable {

    private final Process server;
    private final String url;

    private LocalRedis(Process server, String url) {
        this.server = server;
        this.url = url;
    }

    /**
     * The Redis to use: {@code givenUrl} when not null (left running at the end), else a redis-server started here
     * when one is installed, else empty.
     */
    static Optional<LocalRedis> forOptions(String givenUrl) {
        if (givenUrl != null) {
            return Optional.of(new LocalRedis(null, givenUrl));
        }
        return installed().map(LocalRedis::start);
    }

    /** Whether this JVM started the server (else it was given). */
    boolean started() {
        return server != null;
    }

    /** {@code redis-server} found on the PATH or in /usr/bin, if any. */
    static Optional<Path> installed() {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin";
        return Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "redis-server")).filter(Files::isExecutable).findFirst();
    }

    /** Starts {@code redisServer} and waits until it answers PING. */
    static LocalRedis start(Path redisServer) {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for redis-server: " + e.getMessage(), e);
        }
        Process server;
        try {
            server = new ProcessBuilder(redisServer.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + redisServer + ": " + e.getMessage(), e);
        }
        var redis = new LocalRedis(server, "redis://127.0.0.1:" + port);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!redis.answers()) {
            if (System.nanoTime() > deadline || !server.isAlive()) {
                redis.close();
                throw new IllegalStateException(redisServer + " did not answer on port " + port);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                redis.close();
                throw new IllegalStateException("interrupted while starting redis-server", e);
            }
        }
        return redis;
    }

    String url() {
        return url;
    }

    private boolean answers() {
        return problem(url()).isEmpty();
    }

    /** Why {@code url} is no Redis that answers PING, or empty when it is one; never repeats the URL (a password). */
    static Optional<String> problem(String url) {
        RedisClient client;
        try {
            client = RedisClient.create(url);
        } catch (RuntimeException bad) {
            return Optional.of("not a Redis URL (expected redis://host:port)");
        }
        try (var connection = client.connect()) {
            connection.sync().ping();
            return Optional.empty();
        } catch (RuntimeException unreachable) {
            return Optional.of("no Redis answers there (" + unreachable.getClass().getSimpleName() + ")");
        } finally {
            client.shutdown();
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.destroy();
        }
    }
}
