package io.github.asynccookbook.simulator.engine;

import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Idle keep-alive connections and requests sent too slowly are closed, so no client holds a connection for ever. */
class ConnectionTimeoutsTest {

    private static final String HEALTH = "GET /_sim/health HTTP/1.1\r\nHost: sim\r\n\r\n";

    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(c -> c
            .idleTimeout(Duration.ofMillis(300)).requestReadTimeout(Duration.ofMillis(300)));

    @Test
    void anIdleKeepAliveConnectionIsClosed() {
        try (RawSocket socket = RawSocket.open(sim.simulator().port())) {
            socket.send(HEALTH);
            assertThat(socket.readOne().status()).isEqualTo(200);
            socket.send(HEALTH);
            assertThat(socket.readOne().status()).as("still open right after a request").isEqualTo(200);

            assertThat(socket.closedByServer()).isTrue();
        }
    }

    @Test
    void headersTrickledSlowerThanTheDeadlineAreCutOff() {
        try (RawSocket socket = RawSocket.open(sim.simulator().port())) {
            socket.send("GET /_sim/health HTTP/1.1\r\n");
            Thread trickle = Thread.ofVirtual().start(() -> trickle(socket, "X-Slow: a\r\n"));

            assertThat(socket.closedByServer()).isTrue();
            trickle.interrupt();
        }
    }

    @Test
    void aBodyTrickledSlowerThanTheDeadlineIsCutOff() {
        try (RawSocket socket = RawSocket.open(sim.simulator().port())) {
            socket.send("POST /v1/chat/completions HTTP/1.1\r\nHost: sim\r\nAuthorization: Bearer k\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{");
            Thread trickle = Thread.ofVirtual().start(() -> trickle(socket, " "));

            assertThat(socket.closedByServer()).isTrue();
            trickle.interrupt();
        }
        assertThat(sim.simulator().stats().requests()).as("a request never read is no chat request").isEmpty();
    }

    /** One piece every 100 ms, each well inside the idle timeout, until the server closes or the test ends. */
    private static void trickle(RawSocket socket, String piece) {
        while (socket.send(piece)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
