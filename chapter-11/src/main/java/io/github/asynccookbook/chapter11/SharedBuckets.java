package io.github.asynccookbook.chapter11;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.grid.hazelcast.Bucket4jHazelcast;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;

import java.nio.charset.StandardCharsets;

import java.time.Duration;

/**
 * The store wiring the {@code SharedRateLimit} recipe leaves to the caller: a Bucket4j {@link BucketProxy} whose
 * state lives in an embedded Hazelcast cluster, so every JVM that joins the cluster takes from the same bucket.
 * Members find each other over TCP on loopback (multicast off), so the demo needs no server to install.
 */
public final class SharedBuckets {

    private SharedBuckets() {
    }

    /** An embedded Hazelcast member of {@code clusterName} that joins the other members on 127.0.0.1. */
    public static HazelcastInstance loopbackMember(String clusterName) {
        Config config = new Config().setClusterName(clusterName);
        config.setProperty("hazelcast.logging.type", "none");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        // tag::failure-detector[]
        // A worker that dies holds partitions of the bucket map: the others wait for the failure detector before a
        // backup takes over (Hazelcast's default: 60 s without heartbeat). Short on loopback, longer across a network.
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", "5");
        // Members started at the same moment may form two clusters (split brain); merge them within seconds.
        config.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
        config.setProperty("hazelcast.merge.next.run.delay.seconds", "5");
        // end::failure-detector[]
        config.getNetworkConfig().setPort(5701).setPortAutoIncrement(true).setPortCount(20);
        // Look for members on all 20 ports, not the first 3: other programs may hold 5701-5703.
        config.setProperty("hazelcast.tcp.join.port.try.count", "20");
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        var join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1");
        return Hazelcast.newHazelcastInstance(config);
    }

    /** One key's limit — {@code requests} per {@code window}, refilled all at once like a provider's minute. */
    // tag::bucket[]
    public static BucketProxy keyLimit(HazelcastInstance member, String key, long requests, Duration window) {
        IMap<String, byte[]> buckets = member.getMap("rate-limits");
        return Bucket4jHazelcast.casBasedBuilder(buckets).build().getProxy(key, () -> limit(requests, window));
    }
    // end::bucket[]

    /** The same key's limit kept in Redis through Lettuce: the store most services already run. */
    // tag::redis[]
    public static BucketProxy keyLimit(RedisClient redis, String key, long requests, Duration window) {
        return Bucket4jLettuce.casBasedBuilder(redis).build()
                .getProxy(key.getBytes(StandardCharsets.UTF_8), () -> limit(requests, window));
    }
    // end::redis[]

    /** {@code requests} per {@code window}, refilled all at once at the end of each window. */
    static BucketConfiguration limit(long requests, Duration window) {
        return BucketConfiguration.builder()
                .addLimit(l -> l.capacity(requests).refillIntervally(requests, window))
                .build();
    }
}
