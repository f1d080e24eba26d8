package io.github.asynccookbook.chapter07;

import io.github.asynccookbook.chapter07._04_Resilience.BreakerRun;
import io.github.asynccookbook.chapter07._04_Resilience.HedgeRun;
import io.github.asynccookbook.harness.GroundTruth;
import io.github.asynccookbook.harness.QuietLogs;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.recipes.SafeInvoke;
import io.github.asynccookbook.simulator.Fault;
import io.github.asynccookbook.simulator.Protocol;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.Simulator;
import io.github.asynccookbook.simulator.Tier;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Retry, breaker, time limiter, fallback and hedging, checked against what the simulator saw. */
class ResilienceTest {

    static {
        QuietLogs.builtInRetry();
    }

    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.withConfig(ExampleOptions.config(0.05, 42, Tier.UNLIMITED));

    private static Provider provider(Protocol protocol) {
        return ProviderSet.forSimulator(sim.simulator()).get(protocol);
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void retriesRetryWhatIsWorthItAndStreamsOnlyBeforeTheirFirstToken(Protocol protocol) {
        List<String> lines = _04_Resilience.retries(provider(protocol));

        // A drop after LangChain4j delivered the first chunk is not retried (1 request); Gemini's few large chunks
        // can lose the race with the drop, and then the attempt had delivered nothing and is retried.
        assertThat(lines.getLast().replaceAll("\\s+", " "))
                .matches("drop-stream streaming: Failure LangChain4jException [123] requests");
        assertThat(lines.subList(0, lines.size() - 1)).map(line -> line.replaceAll("\\s+", " ")).containsExactly(
                "429 blocking : HttpError 429, worth a retry 3 requests",
                "429 streaming: HttpError 429, worth a retry 3 requests",
                "503 blocking : HttpError 503, worth a retry 3 requests",
                "503 streaming: HttpError 503, worth a retry 3 requests",
                "stall-headers blocking : Timeout 3 requests",
                "stall-headers streaming: Timeout 3 requests",
                "drop-stream blocking : Failure RuntimeException 3 requests");
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void theBreakerOpensOnFourOverloadsRefusesWithoutARequestAndClosesAfterAGoodProbe(Protocol protocol) {
        BreakerRun run = _04_Resilience.breakerRun(provider(protocol), Duration.ofMillis(500));

        assertThat(run.transitions()).containsExactly("State transition from CLOSED to OPEN",
                "State transition from OPEN to HALF_OPEN", "State transition from HALF_OPEN to CLOSED");
        assertThat(run.calls().get(4)).contains("CallNotPermittedException");
        assertThat(run.requestsSent()).as("4 overloads and the probe; the refused call sent nothing").isEqualTo(5);
        assertThat(GroundTruth.of(provider(protocol)).orElseThrow().count(503)).isEqualTo(4);
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void theTimeLimiterTimesOutAndItsCancelClosesTheStream(Protocol protocol) {
        Provider provider = provider(protocol);

        assertThat(_04_Resilience.timeLimited(provider, Duration.ofSeconds(1))).isInstanceOf(SafeInvoke.Timeout.class);

        RequestRecord request = GroundTruth.latestFinished(provider).orElseThrow();
        assertThat(request.clientDisconnected()).isTrue();
        assertThat(request.tokensSent()).as("cut off, not finished").isLessThan(request.plannedTokens());
    }

    @Test
    void anOverloadedGeminiFallsBackToMistral() {
        Provider gemini = provider(Protocol.GEMINI);
        Provider mistral = provider(Protocol.MISTRAL);

        assertThat(_04_Resilience.fallback(gemini, mistral)).isNotBlank();

        GroundTruth.awaitQuiet(sim.simulator());
        assertThat(GroundTruth.of(gemini).orElseThrow().requestsByStatus()).isEqualTo(java.util.Map.of(503, 1L));
        assertThat(GroundTruth.of(mistral).orElseThrow().requestsByStatus()).isEqualTo(java.util.Map.of(200, 1L));
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void hedgingNeverDeliversTwoAnswersAndCancelsTheStalledLoser(Protocol protocol) {
        try (Simulator stalling = Simulator.start(sim.simulator().config().toBuilder().port(0)
                .faultRate(Fault.STALL_MID_STREAM, 0.3).build())) {
            Provider slow = ProviderSet.forSimulator(stalling).get(protocol);

            List<HedgeRun> runs = _04_Resilience.hedging(slow, provider(protocol), 12);

            HedgeRun hedged = runs.get(1);
            assertThat(hedged.answersPerCall()).as("answers delivered per call").containsOnly(1);
            List<RequestRecord> all = stalling.stats().requests(slow.modelName());
            List<RequestRecord> hedgedRequests = all.subList(all.size() - (int) hedged.requests(), all.size());
            List<RequestRecord> stalled = hedgedRequests.stream().filter(r -> r.fault() == Fault.STALL_MID_STREAM)
                    .toList();
            assertThat(stalled).as("with 30 % stalls, some hedged calls stalled").isNotEmpty();
            long callsWonByAStall = hedged.millis().stream()
                    .filter(millis -> millis >= ExampleOptions.STALL.toMillis()).count();   // both attempts stalled
            assertThat(stalled.stream().filter(r -> !r.clientDisconnected()).count())
                    .as("every stalled attempt but the winners of calls where both stalled was cancelled")
                    .isEqualTo(callsWonByAStall);
            assertThat(stalled).filteredOn(RequestRecord::clientDisconnected)
                    .allMatch(r -> r.completionMillis() - r.arrivalMillis() < ExampleOptions.STALL.toMillis());
            assertThat(hedged.requests()).as("a hedge only when the first was late").isGreaterThan(12)
                    .isLessThanOrEqualTo(24);
        }
    }
}
