package io.github.asynccookbook.simulator.batch;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A parsed batch-create request.
 *
 * @param timeout  model time after which an unfinished job expires (Mistral {@code timeout_hours}, Gemini 48 h)
 * @param metadata Mistral's job {@code metadata}, echoed on the job; empty for Gemini
 */
public record BatchSubmission(String model, String displayName, List<BatchItem> items, Duration timeout,
                              Map<String, String> metadata) {

    public BatchSubmission {
        items = List.copyOf(items);
        metadata = Map.copyOf(metadata);
    }
}
