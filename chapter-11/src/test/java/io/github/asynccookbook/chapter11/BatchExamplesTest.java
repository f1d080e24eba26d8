package io.github.asynccookbook.chapter11;

import dev.langchain4j.model.batch.BatchItemResult;
import dev.langchain4j.model.batch.BatchState;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.github.asynccookbook.harness.Questions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.simulator.BatchStats;
import io.github.asynccookbook.simulator.Simulator;
import io.github.asynccookbook.simulator.SimulatorConfig;
import io.github.asynccookbook.simulator.Tier;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Part 1 on the simulator's ground truth: jobs created, their items and states, per provider. */
class BatchExamplesTest {

    /** 12 benchmark prompts + 1,000 generated; generated prompt 999 (slot 1011) is forced to fail. */
    private static final int GENERATED = 1_000;
    private static final int FAILING_SLOT = BatchPrompts.BENCHMARK + 999;
    private static final Duration POLL_CAP = Duration.ofMillis(200);

    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(c -> c.tier(Tier.UNLIMITED).timeScale(0.001));

    /** Slow enough that a job still queues when the cancel arrives (30 s of queue take 6 s). */
    private static Simulator slow;

    @TempDir
    Path dir;

    enum Which { GEMINI, MISTRAL }

    @BeforeAll
    static void startSlow() {
        slow = Simulator.start(SimulatorConfig.defaults().toBuilder().tier(Tier.UNLIMITED).timeScale(0.2).build());
    }

    @AfterAll
    static void stopSlow() {
        slow.close();
    }

    private static Provider provider(Simulator simulator, Which which) {
        ProviderSet set = ProviderSet.forSimulator(simulator);
        return which == Which.GEMINI ? set.gemini() : set.mistral();
    }

    @ParameterizedTest
    @EnumSource(Which.class)
    void everyResultLandsInItsInputsSlotAndTheFailureInItsOwn(Which which) {
        Provider provider = provider(sim.simulator(), which);
        var jobs = new BatchJobFile(dir.resolve("jobs.properties"));

        _11_Batch.Outcome outcome = _11_Batch.run(provider, GENERATED, jobs, _11_Batch.Action.COLLECT, POLL_CAP);

        assertThat(outcome.state()).isEqualTo(BatchState.SUCCEEDED);
        List<Optional<BatchItemResult<ChatResponse>>> slots = outcome.slots();
        assertThat(slots).hasSize(BatchPrompts.BENCHMARK + GENERATED).allMatch(Optional::isPresent);
        List<String> benchmarkAnswers = slots.subList(0, BatchPrompts.BENCHMARK).stream()
                .map(slot -> slot.orElseThrow().response().aiMessage().text()).toList();
        assertThat(Questions.inInputOrder(benchmarkAnswers)).isTrue();
        for (int i = 0; i < slots.size(); i++) {
            assertThat(slots.get(i).orElseThrow().isSuccess()).as("slot %d", i).isEqualTo(i != FAILING_SLOT);
        }
        BatchStats.Job job = sim.simulator().batches().job(outcome.batchId());
        assertThat(sim.simulator().batches().jobs()).hasSize(1);
        assertThat(job.items()).isEqualTo(BatchPrompts.BENCHMARK + GENERATED);
        assertThat(job.failed()).isEqualTo(1);
        assertThat(jobs.find(BatchRun.jobKey(provider, BatchPrompts.requests(outcome.prompts())))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Which.class)
    void aRunAfterACrashPicksTheJobUpAndNeverSubmitsASecond(Which which) {
        Provider provider = provider(sim.simulator(), which);
        var jobs = new BatchJobFile(dir.resolve("jobs.properties"));

        _11_Batch.Outcome crashed = _11_Batch.run(provider, GENERATED, jobs, _11_Batch.Action.SUBMIT_ONLY, POLL_CAP);
        _11_Batch.Outcome resumed = _11_Batch.run(provider, GENERATED, jobs, _11_Batch.Action.COLLECT, POLL_CAP);

        assertThat(crashed.resumed()).isFalse();
        assertThat(resumed.resumed()).isTrue();
        assertThat(resumed.batchId()).isEqualTo(crashed.batchId());
        assertThat(resumed.state()).isEqualTo(BatchState.SUCCEEDED);
        assertThat(resumed.slots()).allMatch(Optional::isPresent);
        assertThat(sim.simulator().batches().jobs()).singleElement()
                .satisfies(job -> assertThat(job.id()).isEqualTo(crashed.batchId()));
    }

    @ParameterizedTest
    @EnumSource(Which.class)
    void cancelEndsTheJobCancelledWithNoResults(Which which) {
        Provider provider = provider(slow, which);
        int before = slow.batches().jobs().size();
        var jobs = new BatchJobFile(dir.resolve("jobs.properties"));

        _11_Batch.Outcome cancelled = _11_Batch.run(provider, 100, jobs, _11_Batch.Action.CANCEL, POLL_CAP);

        assertThat(cancelled.state()).isEqualTo(BatchState.CANCELLED);
        assertThat(cancelled.slots()).hasSize(BatchPrompts.BENCHMARK + 100).allMatch(Optional::isEmpty);
        BatchStats.Job job = slow.batches().job(cancelled.batchId());
        assertThat(job.cancelRequested()).isTrue();
        assertThat(job.completed()).isZero();
        assertThat(slow.batches().jobs()).hasSize(before + 1);
    }
}
