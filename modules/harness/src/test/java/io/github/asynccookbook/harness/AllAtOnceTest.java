package io.github.asynccookbook.harness;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The barrier lets N calls through together, again for the next N, and fails calls that never get company. */
class AllAtOnceTest {

    @Test
    void callsThatRunTogetherGoThroughTwice() throws Exception {
        var together = new AllAtOnce(3);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var arrivals = new ArrayList<Future<?>>();
            for (int i = 0; i < 6; i++) {
                arrivals.add(threads.submit(together::arrive));
            }
            for (Future<?> arrival : arrivals) {
                assertThat(arrival.get()).isNull();
            }
        }
    }

    @Test
    void fewerCallsThanExpectedFail() {
        var together = new AllAtOnce(2, Duration.ofMillis(50));

        assertThatThrownBy(together::arrive).isInstanceOf(IllegalStateException.class)
                .hasMessage("fewer than 2 calls ran at once");
    }
}
