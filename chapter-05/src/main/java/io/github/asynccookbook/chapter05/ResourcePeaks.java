package io.github.asynccookbook.chapter05;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the JVM while work runs: the most heap in use and the most live platform threads. Virtual threads are
 * not counted by {@link ThreadMXBean}, which is the point: they are what lets 10,000 calls wait without 10,000
 * threads. Heap is sampled, so a peak between two samples can be missed.
 */
final class ResourcePeaks implements AutoCloseable {

    private static final Duration EVERY = Duration.ofMillis(20);

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final AtomicLong peakHeapBytes = new AtomicLong();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "resource-peaks");
        thread.setDaemon(true);
        return thread;
    });

    private ResourcePeaks() {
        threads.resetPeakThreadCount();
        sampler.scheduleAtFixedRate(this::sample, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    static ResourcePeaks start() {
        return new ResourcePeaks();
    }

    private void sample() {
        peakHeapBytes.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
    }

    long peakHeapMegabytes() {
        return peakHeapBytes.get() / (1024 * 1024);
    }

    /** The most live platform threads since the start, the JVM's own count (not sampled). */
    int peakPlatformThreads() {
        return threads.getPeakThreadCount();
    }

    @Override
    public void close() {
        sample();
        sampler.shutdownNow();
    }
}
