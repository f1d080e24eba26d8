package io.github.asynccookbook.simulator.engine;

import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Deterministic randomness. Content depends only on the seed and the request, so a request always gets the same
 * answer. Latency jitter and fault rolls also count how often that exact request came before, so a retry rolls
 * anew, yet a run replays identically whatever the interleaving of different requests.
 */
final class Rolls {

    private static final int MAX_TRACKED = 1_000_000;

    private final long seed;
    private final ConcurrentHashMap<Long, AtomicInteger> occurrences = new ConcurrentHashMap<>();

    Rolls(long seed) {
        this.seed = seed;
    }

    long contentSeed(long requestHash, Long clientSeed) {
        return mix(mix(seed, requestHash), clientSeed == null ? 0 : clientSeed);
    }

    SplittableRandom nextOccurrence(long requestHash) {
        if (occurrences.size() > MAX_TRACKED) {
            occurrences.clear();
        }
        int occurrence = occurrences.computeIfAbsent(requestHash, h -> new AtomicInteger()).getAndIncrement();
        return new SplittableRandom(mix(mix(seed, requestHash), occurrence + 1L));
    }

    void reset() {
        occurrences.clear();
    }

    /** FNV-1a over the model id and the body bytes: stable across JVMs, unlike hashCode of most collections. */
    static long hash(String model, byte[] body) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < model.length(); i++) {
            hash = (hash ^ model.charAt(i)) * 0x100000001b3L;
        }
        for (byte b : body) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return hash;
    }

    private static long mix(long a, long b) {
        long z = a * 0x9E3779B97F4A7C15L + b;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
