package io.github.asynccookbook.chapter07;

import io.github.asynccookbook.harness.QuietLogs;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.simulator.Simulator;
import io.github.asynccookbook.simulator.Tier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The fan-out of 200 calls with one in five faulted: every call ends exactly once, nothing lost or duplicated. */
class MainTest {

    static {
        QuietLogs.builtInRetry();
    }

    @Test
    void everyCallEndsExactlyOnceAndTheResilientRunRecoversWhatCanBeRetried() {
        try (Simulator faulty = Simulator.start(Main.faulty(ExampleOptions.config(0.05, 42, Tier.UNLIMITED)))) {
            FanOut.Tally[] runs = Main.compare(faulty, ProviderSet.forSimulator(faulty).select("both"), 200, 50);

            for (FanOut.Tally run : runs) {
                assertThat(run.lost()).as(run.name() + ": lost").isZero();
                assertThat(run.duplicated()).as(run.name() + ": duplicated").isZero();
                assertThat(run.ended()).as(run.name() + ": ended").isEqualTo(200);
                assertThat(run.requests()).as(run.name() + ": the simulator saw every call").isGreaterThanOrEqualTo(200);
            }
            FanOut.Tally naive = runs[0];
            FanOut.Tally resilient = runs[1];
            assertThat(naive.failures()).as("naive: the 5xx reach the caller").containsKeys("HttpError 500",
                    "HttpError 503");
            assertThat(resilient.failures()).as("resilient: 5xx before the first token are retried away")
                    .doesNotContainKeys("HttpError 500", "HttpError 503");
            assertThat(resilient.answers()).isGreaterThan(naive.answers());
            assertThat(resilient.requests()).as("resilient: the retries").isGreaterThan(200);
        }
    }
}
