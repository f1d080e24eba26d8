package io.github.asynccookbook.chapter11;

import java.util.Locale;

/** Where a worker's bucket lives: in its own JVM (no sharing), in an embedded Hazelcast cluster, or in Redis. */
enum LimitStore {
    OWN("per-JVM limiters"), HAZELCAST("shared bucket (Hazelcast)"), REDIS("shared bucket (Redis)");

    private final String label;

    LimitStore(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
