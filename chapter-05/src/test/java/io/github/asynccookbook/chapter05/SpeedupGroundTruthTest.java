package io.github.asynccookbook.chapter05;

import io.github.asynccookbook.providers.ProviderSet;
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
        var plan = new BenchPlan(workload, List.of(Mode.SEQUENTIAL, Mode.CONCURRENT), 1, 1, BenchPlan.DEFAULT_LIMIT,
                BenchPlan.DEFAULT_TIMEOUT);

        BenchResult result = Benchmark.run(plan, List.of(providers.gemini(), providers.mistral()));

        for (ProviderRun run : result.providers()) {
            ModeRun sequential = run.runs(Mode.SEQUENTIAL).getFirst();
            ModeRun concurrent = run.runs(Mode.CONCURRENT).getFirst();
            GroundTruth sequentialTruth = GroundTruth.of(sim.simulator(), run.model(), sequential);
            GroundTruth concurrentTruth = GroundTruth.of(sim.simulator(), run.model(), concurrent);

            assertThat(sequentialTruth.requests()).hasSize(workload.requests());
            assertThat(concurrentTruth.requests()).hasSize(workload.requests());
            assertThat(sequentialTruth.peakInFlight()).isEqualTo(1);
            assertThat(concurrentTruth.peakInFlight()).isEqualTo(workload.requests());
            // The client's wall time contains the simulator's span, plus the network and scheduling around it.
            assertThat(sequential.wall().toNanos() / 1e6).isGreaterThanOrEqualTo(sequentialTruth.spanMillis());
            assertThat(concurrent.wall().toNanos() / 1e6).isGreaterThanOrEqualTo(concurrentTruth.spanMillis());
            double truth = sequentialTruth.spanMillis() / concurrentTruth.spanMillis();
            double reported = ModeSummary.of(run, plan.modes()).get(1).speedup().orElseThrow();
            assertThat(reported).as("%s: reported %.2fx, simulator %.2fx", run.displayName(), reported, truth)
                    .isCloseTo(truth, within(truth * 0.3));
        }
    }
}
