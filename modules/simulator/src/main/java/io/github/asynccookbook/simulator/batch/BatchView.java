package io.github.asynccookbook.simulator.batch;

import java.util.List;
import java.util.Map;

/**
 * A batch job as a provider reports it at one moment. Times are epoch milliseconds (null: not yet).
 *
 * @param id        the provider's id (Gemini {@code batches/…}, Mistral a UUID)
 * @param completed items done so far (succeeded + failed)
 * @param results   the outcomes, in submission order, of the items done when the job ended; empty before
 * @param outputFileId Mistral: the file with the successes, or null; @param errorFileId the file with the failures
 */
public record BatchView(String id, String model, String displayName, BatchPhase phase, int total, int completed,
                        int succeeded, int failed, long createdAt, Long startedAt, Long endedAt, long updatedAt,
                        List<ItemOutcome> results, String failure, Map<String, String> metadata,
                        String outputFileId, String errorFileId) {
}
