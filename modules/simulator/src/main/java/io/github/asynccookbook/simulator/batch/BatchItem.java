package io.github.asynccookbook.simulator.batch;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One inline request of a batch, as submitted: the chat request's JSON body exactly as the online API takes it.
 *
 * @param customId Mistral's {@code custom_id}, or null (Gemini keys items by position)
 * @param metadata Gemini's per-request {@code metadata}, echoed with its result; null when absent or empty
 */
public record BatchItem(String customId, byte[] body, JsonNode metadata) {
}
