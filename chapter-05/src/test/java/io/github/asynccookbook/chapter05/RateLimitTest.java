package io.github.asynccookbook.chapter05;

import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.simulator.ModelStats;
import io.github.asynccookbook.simulator.Tier;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The free tier: Gemini takes 10 requests per minute, Mistral 1 per second (windows 50x shorter here). 41 requests
 * per provider cannot all fit, whatever the machine's speed: Gemini needs four windows, Mistral one per request.
 */
class RateLimitTest {

    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(c -> c.tier(Tier.FREE));

    @Test
    void countsEvery429TheSimulatorSentAndRetriesThemAll() {
        ProviderSet providers = ProviderSet.forSimulator(sim.simulator());
        var plan = new BenchPlan(new Workload(_01_SourceBenchmark.TOPICS, 10), List.of(Mode.values()), 1, 1,
                BenchPlan.DEFAULT_MAX_CONCURRENCY, BenchPlan.DEFAULT_TIMEOUT);

        BenchResult result = Benchmark.run(plan, List.of(providers.gemini(), providers.mistral()));

        String report = Report.render(result);
        for (ProviderRun run : result.providers()) {
            ModelStats truth = sim.simulator().stats().model(run.model());
            List<RequestResult> requests = run.allRequests().toList();
            long refused = requests.stream().mapToLong(RequestResult::rateLimited).sum();
            long retries = requests.stream().mapToLong(RequestResult::retries).sum();
            long gaveUp = requests.stream().filter(r -> !r.ok()).count();

            assertThat(truth.count(429)).as(report).isPositive();
            assertThat(refused).as(report).isEqualTo(truth.count(429));
            assertThat(truth.count(200)).as(report).isEqualTo(requests.size() - gaveUp);
            // A refused attempt is either retried or, once the retry budget is spent, the request's final error.
            assertThat(requests).as(report).allMatch(r -> r.ok() || r.status().equals("429"));
            assertThat(retries + gaveUp).as(report).isEqualTo(refused);
            assertThat(report).contains(run.displayName() + ": ").contains("refused with HTTP 429");
        }
    }
}
