package io.github.asynccookbook.chapter05;

import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.report.ProgressBar;
import io.github.asynccookbook.simulator.ModelStats;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class BenchmarkTest {

    @RegisterExtension
    static SimulatorExtension sim = new SimulatorExtension();

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private static List<Provider> bothProviders() {
        ProviderSet providers = ProviderSet.forSimulator(sim.simulator());
        return List.of(providers.gemini(), providers.mistral());
    }

    private static BenchPlan plan(Workload workload, List<Mode> modes, int iterations) {
        return new BenchPlan(workload, modes, iterations, 1, BenchPlan.DEFAULT_MAX_CONCURRENCY, Duration.ofSeconds(30));
    }

    @Test
    void printsTheSourceBenchmarksBlockForEachProvider() {
        BenchResult result = Benchmark.run(BenchPlan.defaults(), bothProviders());

        String report = Report.render(result);

        for (String provider : List.of("Gemini", "Mistral")) {
            assertThat(report).containsPattern(Pattern.compile("===== " + provider + """
                     \\(ASYNC BENCH\\) =====
                    Sequential time: \\d+\\.\\d{3}s
                    Concurrent time: \\d+\\.\\d{3}s
                    Speedup: \\d+\\.\\d{2}x"""));
        }
        assertThat(report).contains("No 429s, no retries, no errors.");
    }

    @Test
    void writesOneCsvRowPerRequestAndAPngChart(@TempDir Path dir) throws IOException {
        var workload = new Workload(List.of("RAG vs fine-tuning", "Batching requests"), 3);
        BenchResult result = Benchmark.run(plan(workload, List.of(Mode.values()), 2), bothProviders());

        ResultFiles.Written files = ResultFiles.write(result, dir.resolve("out"));

        List<String> requests = Files.readAllLines(files.requests());
        assertThat(requests.getFirst()).isEqualTo(String.join(",", ResultFiles.REQUEST_COLUMNS));
        int perProvider = 3 * Mode.values().length * 2;
        assertThat(requests).hasSize(1 + 2 * perProvider);
        assertThat(requests.stream().filter(line -> line.startsWith("gemini,"))).hasSize(perProvider);
        assertThat(requests.stream().filter(line -> line.startsWith("mistral,"))).hasSize(perProvider);
        assertThat(requests.stream().skip(1).filter(line -> line.contains(",streaming,")))
                .allSatisfy(line -> assertThat(line.split(",", -1)[7]).isNotEmpty());  // first_token_ms

        List<String> summary = Files.readAllLines(files.summary());
        assertThat(summary.getFirst()).isEqualTo(String.join(",", ResultFiles.SUMMARY_COLUMNS));
        assertThat(summary).hasSize(1 + 2 * Mode.values().length);

        byte[] png = Files.readAllBytes(files.chart());
        assertThat(png.length).isGreaterThan(PNG_MAGIC.length);
        assertThat(Arrays.copyOf(png, PNG_MAGIC.length)).isEqualTo(PNG_MAGIC);
    }

    @Test
    void theProgressBarCountsEveryRequestSentWarmUpsIncludedAndEndsFull() {
        var workload = new Workload(List.of("RAG vs fine-tuning", "Batching requests"), 3);
        BenchPlan plan = new BenchPlan(workload, List.of(Mode.values()), 2, 2, BenchPlan.DEFAULT_MAX_CONCURRENCY,
                Duration.ofSeconds(30));
        long total = plan.requestsPerProvider() * 2;
        var roomy = new ProgressBar(null, 10 * total);      // room to spot steps beyond the total, too

        BenchResult result = Benchmark.run(plan, bothProviders(), roomy);

        assertThat(roomy.done()).isEqualTo(total);
        for (ProviderRun run : result.providers()) {            // the total is what the provider really saw
            ModelStats truth = sim.simulator().stats().model(run.model());
            assertThat(truth.requests()).isEqualTo(plan.requestsPerProvider());
        }
    }
}
