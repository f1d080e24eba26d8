package io.github.asynccookbook.harness;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ResourcePeaksTest {

    @Test
    void seesTheCommonPoolButNotVirtualThreads() throws Exception {
        var release = new CountDownLatch(1);
        var threads = new ArrayList<Thread>();
        try (var peaks = ResourcePeaks.start()) {
            for (int i = 0; i < 500; i++) {
                threads.add(Thread.ofVirtual().start(() -> block(release)));
            }
            var pooled = CompletableFuture.runAsync(() -> block(release)); // on the common pool
            long seen = peaks.samples();
            await().until(() -> peaks.samples() >= seen + 2); // sampled while the pooled task was running
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

    private static void block(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
