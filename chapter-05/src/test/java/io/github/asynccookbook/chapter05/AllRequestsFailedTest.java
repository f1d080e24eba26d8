package io.github.asynccookbook.chapter05;

import io.github.asynccookbook.harness.AllRequestsFailedException;
import io.github.asynccookbook.harness.Failures;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.simulator.Fault;
import io.github.asynccookbook.simulator.ModelStats;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A simulator that fails every request with HTTP 500: the run keeps its data but must not end as a success. */
class AllRequestsFailedTest {

    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(c -> c.faultRate(Fault.INTERNAL, 1.0));

    @Test
    void aRunWhoseRequestsAllFailedWritesItsFilesThenFailsWithOneLine(@TempDir Path dir) throws IOException {
        ProviderSet providers = ProviderSet.forSimulator(sim.simulator());
        var plan = new BenchPlan(new Workload(_01_SourceBenchmark.TOPICS, 2), List.of(Mode.values()), 1, 1,
                BenchPlan.DEFAULT_MAX_CONCURRENCY, Duration.ofSeconds(30));
        BenchResult result = Benchmark.run(plan, List.of(providers.gemini(), providers.mistral()));
        var printed = new StringWriter();

        var failure = catchThrowableOfType(AllRequestsFailedException.class,
                () -> Main.finish(result, dir, new PrintWriter(printed)));

        ModelStats truth = sim.simulator().stats().model(result.providers().getFirst().model());
        assertThat(truth.count(500)).isEqualTo(plan.requestsPerProvider());
        Failures.Failure line = Failures.describe(failure);
        assertThat(line.exitCode()).isEqualTo(1);
        assertThat(line.line()).startsWith("all 9 Gemini requests failed; the first: the provider failed (HTTP 5xx)")
                .doesNotContain("\n");
        assertThat(printed.toString()).contains("Gemini: 8 request(s) failed for good: 8 x 500", "Requests CSV: ");
        List<String> rows = Files.readAllLines(dir.resolve("requests.csv"));
        assertThat(rows).hasSize(1 + 2 * 8);
        assertThat(rows.subList(1, rows.size())).allMatch(row -> row.contains(",500,"));
        assertThat(dir.resolve("summary.csv")).isNotEmptyFile();
    }
}
