package io.github.asynccookbook.chapter07;

import io.github.asynccookbook.chapter07._02_Deadlines.Fired;
import io.github.asynccookbook.harness.QuietLogs;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.recipes.SafeInvoke;
import io.github.asynccookbook.simulator.Protocol;
import io.github.asynccookbook.simulator.Tier;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each deadline fires no earlier than its value and well before the 5 s stall it guards against would have ended,
 * and the simulator then records the client's disconnect: the connection was closed, not left to finish.
 */
class DeadlinesTest {

    static {
        QuietLogs.builtInRetry();
    }

    /** Generous: the machine is shared; the stall (5 s) is what a deadline that did not fire would look like. */
    static final Duration TOLERANCE = Duration.ofMillis(1_500);

    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.withConfig(ExampleOptions.config(0.05, 42, Tier.UNLIMITED));

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void everyDeadlineFiresInToleranceAndClosesTheConnection(Protocol protocol) {
        Provider provider = ProviderSet.forSimulator(sim.simulator()).get(protocol);

        List<Fired> fired = _02_Deadlines.run(provider);

        assertThat(fired).hasSize(6);
        long deadline = _02_Deadlines.DEADLINE.toMillis();
        for (Fired f : fired) {
            assertThat(f.result()).as(f.what()).isInstanceOf(SafeInvoke.Timeout.class);
            assertThat(f.millis()).as(f.what() + ": fired after (ms)")
                    .isBetween(deadline, deadline + TOLERANCE.toMillis());
            assertThat(f.request().clientDisconnected()).as(f.what() + ": disconnect recorded").isTrue();
            assertThat(f.request().completionMillis() - f.request().arrivalMillis())
                    .as(f.what() + ": connection closed before the stall ended (ms)")
                    .isLessThan(ExampleOptions.STALL.toMillis());
        }
    }
}
