package io.github.asynccookbook.chapter07;

import io.github.asynccookbook.chapter07._03_Cancellation.Walkaway;
import io.github.asynccookbook.harness.QuietLogs;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.simulator.Protocol;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.Tier;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every way of walking away closes the HTTP exchange while the answer is stalled: the simulator sees it go. */
class CancellationTest {

    static {
        QuietLogs.builtInRetry();
    }

    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.withConfig(ExampleOptions.config(0.05, 42, Tier.UNLIMITED));

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void walkingAwayClosesTheConnectionBeforeTheStallEnds(Protocol protocol) {
        List<Walkaway> walkaways = _03_Cancellation.run(ProviderSet.forSimulator(sim.simulator()).get(protocol));

        for (Walkaway single : walkaways.subList(0, 4)) {
            assertThat(single.requests()).as(single.how()).hasSize(1);
            RequestRecord request = single.requests().getFirst();
            assertThat(request.clientDisconnected()).as(single.how() + ": disconnect recorded").isTrue();
            assertThat(request.tokensSent()).as(single.how()).isLessThan(request.plannedTokens());
            assertThat(request.completionMillis() - request.arrivalMillis()).as(single.how() + ": closed in (ms)")
                    .isLessThan(ExampleOptions.STALL.toMillis());
        }
        assertThat(walkaways.get(3).outcome()).as("the interrupted call").isEqualTo("Failure RuntimeException");
        for (Walkaway group : walkaways.subList(4, 6)) {
            assertThat(group.outcome()).as(group.how()).isEqualTo("HttpError 500, worth a retry");
            assertThat(group.requests()).as(group.how()).hasSize(3);
            assertThat(group.requests()).filteredOn(r -> r.status() == 500).hasSize(1);
            List<RequestRecord> cancelled = group.requests().stream().filter(r -> r.status() != 500).toList();
            assertThat(cancelled).as(group.how() + ": the others were cancelled").hasSize(2)
                    .allMatch(RequestRecord::clientDisconnected)
                    .allMatch(r -> r.completionMillis() - r.arrivalMillis() < ExampleOptions.STALL.toMillis());
        }
    }
}
