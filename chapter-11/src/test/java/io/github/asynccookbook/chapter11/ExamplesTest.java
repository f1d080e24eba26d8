package io.github.asynccookbook.chapter11;

import io.github.asynccookbook.simulator.Tier;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every example with three real worker JVMs on one free-tier key, checked against what the simulator recorded: its
 * 429 count and its arrival times cut into the provider's windows. A minute is 6 s here (time scale 0.1), the bucket
 * refills after 7.5 s, and 24 calls need three windows, so a shared bucket that failed would show in the counts.
 */
class ExamplesTest {

    private static final int WORKERS = 3;
    private static final int CALLS = 8;

    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(c -> c.tier(Tier.FREE).timeScale(0.1));

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream originalOut;

    @BeforeEach
    void captureOutput() {
        originalOut = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOutput() {
        System.setOut(originalOut);
    }

    private static DemoOptions options() {
        var options = new DemoOptions();
        options.workers = WORKERS;
        options.requests = CALLS;
        options.timeScale = 0.1;
        return options;
    }

    private String output() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** The printed lines are the simulator's counts, not the workers'. */
    private void assertPrinted(SharedLimitDemo.Result r) {
        assertThat(output()).contains("simulator: %d sent, %d answered, %d x 429"
                .formatted(r.sent(), r.answered(), r.rejected()));
        assertThat(output()).contains("window: " + r.windows().perWindow() + "\n");
        assertThat(output()).contains("stretch: %d admitted (limit 10)".formatted(r.windows().busiest()));
    }

    /** The shared bucket's promise: every call answered, no 429, and no window over the key's limit. */
    private static void assertLimitKept(SharedLimitDemo.Result r) {
        assertThat(r.limit()).isEqualTo(10);
        assertThat(r.sent()).isEqualTo(WORKERS * CALLS);
        assertThat(r.rejected()).as("429s the simulator sent").isZero();
        assertThat(r.answered()).isEqualTo(WORKERS * CALLS);
        assertThat(r.windows().busiest()).as("admitted within any window").isLessThanOrEqualTo(10);
        assertThat(r.windows().arrivals()).as("arrivals per window").allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(10))
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(r.answeredPerWorker()).containsExactly(CALLS, CALLS, CALLS);
    }

    @Test
    void perJvmLimitersSendTheLimitThreeTimesOverAndTheSimulatorRefusesTheRest() {
        var r = _21_PerJvmLimits.run(sim.simulator(), options());

        assertThat(r.sent()).isEqualTo(WORKERS * CALLS);
        // Each worker's own bucket holds the whole limit: 3 x 8 = 24 calls leave at once, 10 fit the window.
        assertThat(r.rejected()).isEqualTo(r.sent() - r.answered()).isGreaterThanOrEqualTo(10);
        assertThat(r.windows().arrivals().getFirst()).isGreaterThan(10);
        assertThat(r.windows().busiest()).as("the simulator itself never admits more").isLessThanOrEqualTo(10);
        assertPrinted(r);
    }

    @Test
    void threeJvmsSharingAHazelcastBucketKeepTheLimitWithNo429() {
        var r = _22_SharedBucket.run(sim.simulator(), options());

        assertLimitKept(r);
        assertPrinted(r);
    }

    @Test
    void threeJvmsSharingARedisBucketKeepTheLimitWithNo429() {
        boolean installed = LocalRedis.installed().isPresent();
        if (!installed && "true".equals(System.getenv("REQUIRE_REDIS"))) {
            throw new IllegalStateException("REQUIRE_REDIS=true but redis-server is not installed");
        }
        assumeTrue(installed, "redis-server is not installed; set REQUIRE_REDIS=true to fail instead");

        Optional<SharedLimitDemo.Result> r = _23_SharedBucketOnRedis.run(sim.simulator(), options());

        assertThat(r).isPresent();
        assertLimitKept(r.get());
        assertPrinted(r.get());
    }

    @Test
    void aKilledWorkerStallsNobodyAndNothingIsCountedTwice() {
        var r = _24_WorkerCrash.run(sim.simulator(), options());

        assertThat(r.finished()).containsExactly(false, true, true);
        assertThat(r.answeredPerWorker().subList(1, WORKERS)).containsExactly(CALLS, CALLS);
        int killedAnswered = r.answeredPerWorker().getFirst();
        assertThat(killedAnswered).isBetween(CALLS / 4, CALLS - 1);
        assertThat(r.rejected()).as("429s the simulator sent").isZero();
        assertThat(r.windows().busiest()).as("admitted within any window").isLessThanOrEqualTo(10);
        // Each call is one request (no retries): the survivors' calls plus what worker 1 got out before it died.
        assertThat(r.sent()).isBetween((long) (WORKERS - 1) * CALLS + killedAnswered, (long) WORKERS * CALLS);
        assertThat(r.answered()).isGreaterThanOrEqualTo((long) (WORKERS - 1) * CALLS + killedAnswered);
        assertPrinted(r);
        assertThat(output()).contains("worker 1 killed after %d answers; worker 2 finished, worker 3 finished"
                .formatted(killedAnswered));
    }
}
