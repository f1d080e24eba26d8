package io.github.asynccookbook.chapter02;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.ForkJoinPool;

/**
 * The most platform threads and heap a run used. Threads come from the JVM's own peak counter (virtual threads are
 * not counted: that is the point); heap in use and the common pool's size are sampled every few milliseconds, so
 * they are close lower bounds. The common pool is where LangChain4j's streaming calls read their responses.
 */
final class ResourcePeaks implements AutoCloseable {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final long SAMPLE_MILLIS = 5;

    private final int startThreads;
    private final Thread sampler;
    private volatile long peakHeapBytes;
    private volatile int peakCommonPool;
    private volatile boolean running = true;

    private ResourcePeaks() {
        THREADS.resetPeakThreadCount();
        startThreads = THREADS.getThreadCount();
        peakHeapBytes = MEMORY.getHeapMemoryUsage().getUsed();
        sampler = Thread.ofPlatform().daemon().name("heap-sampler").start(this::sample);
    }

    /** Starts measuring from now, after a garbage collection so earlier runs' garbage does not count. */
    static ResourcePeaks start() {
        System.gc();
        return new ResourcePeaks();
    }

    /** Platform threads alive right now, the simulator's included. */
    static int liveThreads() {
        return THREADS.getThreadCount();
    }

    private void sample() {
        while (running) {
            peakHeapBytes = Math.max(peakHeapBytes, MEMORY.getHeapMemoryUsage().getUsed());
            peakCommonPool = Math.max(peakCommonPool, ForkJoinPool.commonPool().getPoolSize());
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Platform threads alive when measuring started (idle common-pool threads linger for a minute). */
    int startThreads() {
        return startThreads;
    }

    int peakThreads() {
        return THREADS.getPeakThreadCount();
    }

    /** The most common-pool threads alive at once, idle ones included. */
    int peakCommonPool() {
        return peakCommonPool;
    }

    long peakHeapMegabytes() {
        return Math.max(peakHeapBytes, MEMORY.getHeapMemoryUsage().getUsed()) / (1024 * 1024);
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
