package io.github.asynccookbook.chapter05;

import io.github.asynccookbook.harness.GroundTruth;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.SimulatorStats;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The speedup the benchmark reports against the one the simulator saw. At time scale 0.2 a request takes a few
 * hundred milliseconds, so the client's own overhead (a few milliseconds per request, more on a loaded machine)
 * cannot drown the figure as it would at 0.02.
 */
class SpeedupGroundTruthTest {

    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(c -> c.timeScale(0.2));

    @Test
    void speedupAndConcurrencyAgreeWithTheSimulatorsRecords() {
        ProviderSet providers = ProviderSet.forSimulator(sim.simulator());
        Workload workload = Workload.source();
        var plan = new BenchPlan(workload, List.of(Mode.SEQUENTIAL, Mode.CONCURRENT), 1, 1, BenchPlan.DEFAULT_MAX_CONCURRENCY,
                BenchPlan.DEFAULT_TIMEOUT);

        List<Provider> chosen = List.of(providers.gemini(), providers.mistral());

        BenchResult result = Benchmark.run(plan, chosen);

        for (int i = 0; i < chosen.size(); i++) {
            ProviderRun run = result.providers().get(i);
            ModeRun sequential = run.runs(Mode.SEQUENTIAL).getFirst();
            ModeRun concurrent = run.runs(Mode.CONCURRENT).getFirst();
            List<RequestRecord> sequentialTruth = seen(chosen.get(i), sequential);
            List<RequestRecord> concurrentTruth = seen(chosen.get(i), concurrent);

            assertThat(sequentialTruth).hasSize(workload.requests());
            assertThat(concurrentTruth).hasSize(workload.requests());
            assertThat(SimulatorStats.peakInFlight(sequentialTruth)).isEqualTo(1);
            assertThat(SimulatorStats.peakInFlight(concurrentTruth)).isEqualTo(workload.requests());
            // The client's wall time contains the simulator's span, plus the network and scheduling around it.
            assertThat(sequential.wall().toNanos() / 1e6).isGreaterThanOrEqualTo(spanMillis(sequentialTruth));
            assertThat(concurrent.wall().toNanos() / 1e6).isGreaterThanOrEqualTo(spanMillis(concurrentTruth));
            double truth = spanMillis(sequentialTruth) / spanMillis(concurrentTruth);
            double reported = ModeSummary.of(run, plan.modes()).get(1).speedup().orElseThrow();
            assertThat(reported).as("%s: reported %.2fx, simulator %.2fx", run.displayName(), reported, truth)
                    .isCloseTo(truth, within(truth * 0.3));
        }
    }

    private static List<RequestRecord> seen(Provider provider, ModeRun run) {
        return GroundTruth.requestsDuring(provider, run.startNanos(), run.endNanos()).orElseThrow();
    }

    /** First arrival to last completion, as the simulator saw them, in milliseconds. */
    private static double spanMillis(List<RequestRecord> requests) {
        double first = requests.stream().mapToDouble(RequestRecord::arrivalMillis).min().orElseThrow();
        double last = requests.stream().mapToDouble(RequestRecord::completionMillis).max().orElseThrow();
        return last - first;
    }
}
