package io.github.asynccookbook.harness;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The most platform threads and heap a run used. Threads come from the JVM's own peak counter (virtual threads are
 * not counted: that is the point); heap in use and the common pool's size are sampled every few milliseconds, so
 * they are close lower bounds. The common pool is where LangChain4j's streaming calls read their responses.
 */
public final class ResourcePeaks implements AutoCloseable {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final long SAMPLE_MILLIS = 5;

    private final int startThreads;
    private final Thread sampler;
    private volatile long peakHeapBytes;
    private volatile int peakCommonPool;
    private volatile boolean running = true;
    private final AtomicLong samples = new AtomicLong();

    private ResourcePeaks() {
        THREADS.resetPeakThreadCount();
        startThreads = THREADS.getThreadCount();
        peakHeapBytes = MEMORY.getHeapMemoryUsage().getUsed();
        sampler = Thread.ofPlatform().daemon().name("heap-sampler").start(this::sample);
    }

    /** Starts measuring from now, after a garbage collection so earlier runs' garbage does not count. */
    public static ResourcePeaks start() {
        System.gc();
        return new ResourcePeaks();
    }

    /** Platform threads alive right now, the simulator's included. */
    public static int liveThreads() {
        return THREADS.getThreadCount();
    }

    private void sample() {
        while (running) {
            peakHeapBytes = Math.max(peakHeapBytes, MEMORY.getHeapMemoryUsage().getUsed());
            peakCommonPool = Math.max(peakCommonPool, ForkJoinPool.commonPool().getPoolSize());
            samples.incrementAndGet();
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Samples of heap and pool size taken so far. */
    long samples() {
        return samples.get();
    }

    /** Platform threads alive when measuring started (idle common-pool threads linger for a minute). */
    public int startThreads() {
        return startThreads;
    }

    public int peakThreads() {
        return THREADS.getPeakThreadCount();
    }

    /** The most common-pool threads alive at once, idle ones included. */
    public int peakCommonPool() {
        return peakCommonPool;
    }

    public long peakHeapMegabytes() {
        return Math.max(peakHeapBytes, MEMORY.getHeapMemoryUsage().getUsed()) / (1024 * 1024);
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
