package io.github.asynccookbook.chapter11;

import dev.langchain4j.model.batch.BatchItemResult;
import dev.langchain4j.model.batch.BatchResponse;
import dev.langchain4j.model.batch.BatchState;
import dev.langchain4j.model.chat.BatchChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.github.asynccookbook.harness.Bounds;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.harness.ProviderOptions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.simulator.Simulator;
import io.github.asynccookbook.simulator.SimulatorConfig;
import io.github.asynccookbook.simulator.Tier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The benchmark's prompts and thousands more as one batch job per provider: submitted once (the id saved to a
 * file, so a second run resumes instead of paying twice), polled with back-off and a progress line, each result
 * put back in its input's slot, per-item failures included. {@code --submit-only} stops after submitting, as a
 * crash would; {@code --cancel} stops the job.
 */
@Command(name = "_11_Batch", mixinStandardHelpOptions = true,
        description = "One batch job per provider: submit (or resume), poll with back-off, results in their slots.")
public final class _11_Batch implements Callable<Integer> {

    /** What the example does with its job. */
    enum Action { COLLECT, SUBMIT_ONLY, CANCEL }

    /** How one provider's job went. */
    record Outcome(Provider provider, String batchId, boolean resumed, BatchState state, int polls, Duration elapsed,
                   List<String> prompts, List<Optional<BatchItemResult<ChatResponse>>> slots) {
    }

    @Mixin
    ProviderOptions providers;

    @Option(names = "--generated", paramLabel = "N", defaultValue = "10000",
            description = "Generated prompts added to the 12 benchmark ones (default: ${DEFAULT-VALUE}).")
    int generated = 10_000;

    @Option(names = "--job-file", paramLabel = "PATH", defaultValue = "target/chapter11-batch-jobs.properties",
            description = "Where submitted batch ids are kept until their results are in (default: ${DEFAULT-VALUE}).")
    Path jobFile = Path.of("target/chapter11-batch-jobs.properties");

    @Option(names = "--submit-only", description = "Submit (or find) the job, save its id, and stop: run again to collect.")
    boolean submitOnly;

    @Option(names = "--cancel", description = "Cancel the job (a saved one, or a new one) and show how it ends.")
    boolean cancel;

    @Option(names = "--max-poll-wait", paramLabel = "SECONDS", defaultValue = "60",
            description = "Longest wait between two polls; live jobs take minutes to hours (default: ${DEFAULT-VALUE}).")
    int maxPollWait = 60;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        ChapterCli.exit(new _11_Batch(), args);
    }

    @Override
    public Integer call() {
        Bounds.require(spec, "--generated", generated, 0, 100_000);
        Bounds.require(spec, "--max-poll-wait", maxPollWait, 1, 3_600);
        Action action = cancel ? Action.CANCEL : submitOnly ? Action.SUBMIT_ONLY : Action.COLLECT;
        var jobs = new BatchJobFile(jobFile);
        for (Provider provider : providers.providers()) {
            print(run(provider, generated, jobs, action, Duration.ofSeconds(maxPollWait)), jobs);
        }
        return 0;
    }

    /**
     * The tour's part 1: the benchmark's prompts and {@code generated} more, one batch job per provider, on a
     * simulator of its own (paid tier 1, 100 times real speed) and a job file that is deleted afterwards.
     */
    static void tour(int generated) {
        try (Simulator sim = Simulator.start(SimulatorConfig.defaults().toBuilder().tier(Tier.TIER1)
                .timeScale(0.01).build());
             ProviderSet providers = ProviderSet.forSimulator(sim)) {
            Path file = Files.createTempFile("chapter11-batch-jobs", ".properties");
            try {
                var jobs = new BatchJobFile(file);
                for (Provider provider : List.of(providers.gemini(), providers.mistral())) {
                    print(run(provider, generated, jobs, Action.COLLECT, Duration.ofSeconds(5)), jobs);
                }
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("\nBatch against the online fan-out, same prompts: mvn -pl chapter-11 exec:java "
                + "-Dexec.mainClass=io.github.asynccookbook.chapter11._12_BatchVsFanOut");
    }

    static Outcome run(Provider provider, int generated, BatchJobFile jobs, Action action, Duration maxPollWait) {
        List<String> prompts = BatchPrompts.texts(provider, generated);
        List<ChatRequest> requests = BatchPrompts.requests(prompts);
        BatchChatModel model = BatchRun.batchModel(provider);
        String key = BatchRun.jobKey(provider, requests);
        boolean resumed = jobs.find(key).isPresent();
        System.out.printf("%n-- 11. %s (%s): %,d prompts as one batch job --%n", provider.displayName(),
                provider.modelName(), prompts.size());
        long start = System.nanoTime();
        String batchId = BatchRun.submitOrResume(model, requests, jobs::find, key, id -> jobs.save(key, id));
        System.out.printf("%s %s (id kept in %s)%n", resumed ? "resumed" : "submitted", batchId, jobs.path());
        if (action == Action.SUBMIT_ONLY) {
            return new Outcome(provider, batchId, resumed, null, 0, elapsed(start), prompts, List.of());
        }
        AtomicInteger polls = new AtomicInteger();
        BatchResponse<ChatResponse> done = action == Action.CANCEL
                ? BatchRun.cancel(model, batchId, Duration.ofMillis(200)).block()
                : BatchRun.untilDone(model, batchId, Duration.ofMillis(200), maxPollWait, response ->
                        BatchReport.progress(provider, batchId, polls.incrementAndGet(), elapsed(start), response))
                .block();
        jobs.remove(key);   // results in hand (or the job is over): the next run submits afresh
        return new Outcome(provider, batchId, resumed, done.state(), polls.get(), elapsed(start), prompts,
                BatchRun.slots(prompts.size(), done));
    }

    static void print(Outcome outcome, BatchJobFile jobs) {
        if (outcome.state() == null) {
            System.out.printf("stopped after submitting. Collect later with the same command: it finds the id in %s%n",
                    jobs.path());
            return;
        }
        System.out.printf("%s after %.1f s and %d polls%n", outcome.state(), outcome.elapsed().toMillis() / 1000.0,
                outcome.polls());
        BatchReport.slots(outcome.prompts(), outcome.slots(), 3);
        BatchReport.groundTruth(outcome.provider(), outcome.batchId()).ifPresent(job -> System.out.printf(
                "simulator: %d %s batch job(s) created since it started, this one %s: %,d items, %,d succeeded, "
                        + "%,d failed%n", outcome.provider().simulator().orElseThrow().batches()
                        .jobs(outcome.provider().protocol()).size(), outcome.provider().displayName(), job.state(),
                job.items(), job.succeeded(), job.failed()));
    }

    private static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
