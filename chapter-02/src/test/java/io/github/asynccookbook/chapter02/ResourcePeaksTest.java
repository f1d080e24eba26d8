package io.github.asynccookbook.chapter02;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ResourcePeaksTest {

    @Test
    void seesTheCommonPoolButNotVirtualThreads() throws Exception {
        var release = new CountDownLatch(1);
        var threads = new ArrayList<Thread>();
        try (var peaks = ResourcePeaks.start()) {
            for (int i = 0; i < 500; i++) {
                threads.add(Thread.ofVirtual().start(() -> await(release)));
            }
            var pooled = CompletableFuture.runAsync(() -> await(release)); // on the common pool
            Thread.sleep(50); // several samples
            release.countDown();
            pooled.get(5, TimeUnit.SECONDS);
            for (Thread thread : threads) {
                thread.join();
            }

            assertThat(peaks.peakCommonPool()).isPositive();
            // 500 virtual threads were alive at once; at most a few carrier threads show up.
            assertThat(peaks.peakThreads() - peaks.startThreads()).isLessThan(100);
            assertThat(peaks.peakHeapMegabytes()).isPositive();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
