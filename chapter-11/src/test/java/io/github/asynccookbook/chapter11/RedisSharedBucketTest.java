package io.github.asynccookbook.chapter11;

import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.awaitility.Awaitility.await;

/**
 * The same key's limit on Redis: two Lettuce clients (two JVMs' worth) take from one bucket. Starts its own
 * redis-server on a free port; skips when none is installed, fails instead when REQUIRE_REDIS=true (CI).
 */
class RedisSharedBucketTest {

    private static final Path REDIS = Path.of("/usr/bin/redis-server");
    private static Process server;
    private static int port;

    @BeforeAll
    static void startRedis() throws Exception {
        boolean installed = Files.isExecutable(REDIS);
        if (!installed && "true".equals(System.getenv("REQUIRE_REDIS"))) {
            throw new IllegalStateException("REQUIRE_REDIS=true but " + REDIS + " is not installed");
        }
        assumeTrue(installed, "redis-server is not installed (" + REDIS + "); set REQUIRE_REDIS=true to fail instead");
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = new ProcessBuilder(REDIS.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            try (var client = RedisClient.create("redis://127.0.0.1:" + port); var c = client.connect()) {
                return "PONG".equals(c.sync().ping());
            }
        });
    }

    @AfterAll
    static void stopRedis() {
        if (server != null) {
            server.destroy();
        }
    }

    @Test
    void twoClientsShareOneKeysLimit() {
        RedisClient first = RedisClient.create("redis://127.0.0.1:" + port);
        RedisClient second = RedisClient.create("redis://127.0.0.1:" + port);
        try {
            String key = "free-tier-key-" + UUID.randomUUID();
            var a = SharedBuckets.keyLimit(first, key, 5, Duration.ofHours(1));
            var b = SharedBuckets.keyLimit(second, key, 5, Duration.ofHours(1));
            int granted = 0;
            for (int i = 0; i < 20; i++) {
                granted += (i % 2 == 0 ? a : b).tryConsume(1) ? 1 : 0;
            }
            assertThat(granted).as("one key's capacity across both clients").isEqualTo(5);
        } finally {
            first.shutdown();
            second.shutdown();
        }
    }
}
