package io.github.asynccookbook.simulator.engine;

import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A large request is parsed off the event loops: the test holds its parsing back and shows that other connections
 * are answered meanwhile, and that the model's timeline starts only when parsing is done.
 */
class LargeRequestTest {

    @Test
    void otherRequestsAreAnsweredWhileALargeOneIsParsedAndItsTimelineStartsAfterParsing() throws Exception {
        var parked = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        ExecutorService parser = Executors.newSingleThreadExecutor();
        Scheduler held = Schedulers.fromExecutor(task -> parser.execute(() -> {
            parked.countDown();
            awaitQuietly(release);
            task.run();
        }));
        // Real time: a first token due from arrival would be overdue once the parse is let go after 2 s.
        var config = SimulatorExtension.TEST_DEFAULTS.toBuilder().timeScale(1).build();
        try (SimulatorServer server = SimulatorServer.start(config, held)) {
            String prompt = "word ".repeat(Router.OFF_LOOP_BYTES / 4) + "Why do birds sing? [sim:tokens=5]";
            CompletableFuture<RawSocket.Response> large = CompletableFuture.supplyAsync(
                    () -> RawSocket.exchange(server.port(), mistralStream(prompt)));

            assertThat(parked.await(20, TimeUnit.SECONDS)).as("the large request reached the parser").isTrue();
            long arrived = System.nanoTime();
            IntStream.range(0, 8).forEach(i -> assertThat(RawSocket.exchange(server.port(),
                    "GET /_sim/health HTTP/1.1\r\nHost: sim\r\nConnection: close\r\n\r\n").status()).isEqualTo(200));
            assertThat(large).isNotDone();
            assertThat(server.stats().requests()).as("nothing parsed yet").isEmpty();

            Thread.sleep(Math.max(0, 2_000 - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - arrived)));
            double releasedAt = server.clock().nowMillis();
            release.countDown();

            assertThat(large.get(20, TimeUnit.SECONDS).status()).isEqualTo(200);
            RequestRecord record = server.stats().requests().getFirst();
            assertThat(record.arrivalMillis()).isLessThan(releasedAt);
            assertThat(record.startMillis()).isGreaterThanOrEqualTo(releasedAt);
            assertThat(record.firstTokenMillis() - record.startMillis())
                    .isCloseTo(record.appliedTtftMillis(), org.assertj.core.data.Offset.offset(1e-6))
                    .isGreaterThanOrEqualTo(record.plannedTtftMillis());
        } finally {
            release.countDown();
            parser.shutdownNow();
        }
    }

    private static String mistralStream(String prompt) {
        byte[] body = RawHttp.mistralBody(prompt, true).getBytes(StandardCharsets.UTF_8);
        assertThat(body.length).isGreaterThan(Router.OFF_LOOP_BYTES);
        return "POST /v1/chat/completions HTTP/1.1\r\nHost: sim\r\nAuthorization: Bearer k\r\n"
                + "Content-Type: application/json\r\nConnection: close\r\nContent-Length: " + body.length + "\r\n\r\n"
                + new String(body, StandardCharsets.UTF_8);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
