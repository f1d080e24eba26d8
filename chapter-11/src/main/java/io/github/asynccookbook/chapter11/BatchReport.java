package io.github.asynccookbook.chapter11;

import dev.langchain4j.model.batch.BatchItemResult;
import dev.langchain4j.model.batch.BatchResponse;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.github.asynccookbook.harness.Questions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.simulator.BatchStats;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The batch examples' printing: the progress line of each poll, and the slots once the job has ended. */
final class BatchReport {

    private BatchReport() {
    }

    /** {@code poll 3  +1.2s  RUNNING  simulator: 4,310 of 10,012 done}: the provider's counts are shown only by the simulator. */
    static void progress(Provider provider, String batchId, int poll, Duration elapsed, BatchResponse<ChatResponse> response) {
        String truth = groundTruth(provider, batchId)
                .map(job -> String.format("  simulator: %,d of %,d done", job.completed(), job.items()))
                .orElse("");
        System.out.printf("poll %2d  +%5.1fs  %-10s%s%n", poll, elapsed.toMillis() / 1000.0, response.state(), truth);
    }

    static void slots(List<String> prompts, List<Optional<BatchItemResult<ChatResponse>>> slots, int show) {
        long answered = slots.stream().flatMap(Optional::stream).filter(BatchItemResult::isSuccess).count();
        long failed = slots.stream().flatMap(Optional::stream).filter(r -> !r.isSuccess()).count();
        long empty = slots.stream().filter(Optional::isEmpty).count();
        System.out.printf("%,d slots: %,d answered, %,d failed in their slots, %,d empty%n",
                slots.size(), answered, failed, empty);
        for (int i = 0; i < slots.size(); i++) {
            boolean failure = slots.get(i).map(r -> !r.isSuccess()).orElse(false);
            if (i < show || failure && failed <= 20) {
                System.out.printf("  [%5d] %-42s -> %s%n", i, Questions.head(prompts.get(i), 42), slot(slots.get(i)));
            }
        }
    }

    private static String slot(Optional<BatchItemResult<ChatResponse>> slot) {
        if (slot.isEmpty()) {
            return "(no result: the job ended before this item)";
        }
        BatchItemResult<ChatResponse> result = slot.get();
        return result.isSuccess() ? Questions.head(result.response().aiMessage().text(), 60)
                : "FAILED " + result.error().code() + " " + Questions.head(result.error().message(), 50);
    }

    static Optional<BatchStats.Job> groundTruth(Provider provider, String batchId) {
        return provider.simulator().flatMap(sim -> sim.batches().jobs().stream()
                .filter(job -> job.id().equals(batchId)).findFirst());
    }
}
