package io.github.asynccookbook.chapter11;

import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The same key's limit on Redis: two Lettuce clients (two JVMs' worth) take from one bucket. Starts its own
 * redis-server on a free port; skips when none is installed, fails instead when REQUIRE_REDIS=true (CI).
 */
class RedisSharedBucketTest {

    private static LocalRedis redis;

    @BeforeAll
    static void startRedis() {
        boolean installed = LocalRedis.installed().isPresent();
        if (!installed && "true".equals(System.getenv("REQUIRE_REDIS"))) {
            throw new IllegalStateException("REQUIRE_REDIS=true but redis-server is not installed");
        }
        assumeTrue(installed, "redis-server is not installed; set REQUIRE_REDIS=true to fail instead");
        redis = LocalRedis.start(LocalRedis.installed().orElseThrow());
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void twoClientsShareOneKeysLimit() {
        RedisClient first = RedisClient.create(redis.url());
        RedisClient second = RedisClient.create(redis.url());
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
