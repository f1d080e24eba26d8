package io.github.asynccookbook.simulator.engine;

import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stream that fell behind its timeline must not keep its event loop to itself: each overdue chunk waits for the
 * loop's next turn. On an {@link EmbeddedChannel} the loop's turns are explicit, so this needs no timing.
 */
class ConnectionTimerTest {

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final ConnectionTimer timer = ConnectionTimer.on(channel.eventLoop());

    @Test
    void aDelayAlreadyOverWaitsForTheLoopsNextTurn() {
        var due = new AtomicBoolean();

        timer.delay(Duration.ofMillis(-5)).subscribe(tick -> due.set(true));
        assertThat(due).as("completed on the spot, before the loop polled its other connections").isFalse();

        channel.runScheduledPendingTasks();
        assertThat(due).isTrue();
    }

    @Test
    void anOverdueStreamWritesOneChunkPerTurn() {
        List<Integer> written = new ArrayList<>();
        // Every chunk is overdue (zero delays), as for a stream on a starved CPU.
        Flux.range(0, 1_000)
                .concatMap(i -> timer.delay(Duration.ZERO).thenReturn(i))
                .subscribe(written::add);

        for (int turn = 1; turn <= 3; turn++) {
            channel.runScheduledPendingTasks();
            assertThat(written).as("chunks written after %d turns", turn).hasSize(turn);
        }
    }

    @Test
    void cancellingTheDelayCancelsItsTimer() {
        var due = new AtomicBoolean();

        Disposable waiting = timer.delay(Duration.ofHours(1)).subscribe(tick -> due.set(true));
        waiting.dispose();

        assertThat(channel.runScheduledPendingTasks()).as("nanos until the next timer, -1 for none").isEqualTo(-1);
        assertThat(due).isFalse();
    }
}
