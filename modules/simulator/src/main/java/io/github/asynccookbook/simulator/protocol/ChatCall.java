package io.github.asynccookbook.simulator.protocol;

import io.github.asynccookbook.simulator.Protocol;
import io.github.asynccookbook.simulator.conversation.Conversation;

/**
 * A parsed chat request.
 *
 * @param model        model id (Gemini: from the path; Mistral: from the body)
 * @param stream       whether the answer is streamed
 * @param jsonArray    Gemini only: streamed as a JSON array (no {@code alt=sse}) rather than SSE
 * @param apiVersion   Gemini only: {@code v1beta} or {@code v1}, as in the path (used in messages)
 * @param seed         the request's own seed (Gemini {@code generationConfig.seed}, Mistral {@code random_seed}) or null
 */
public record ChatCall(Protocol protocol, String model, boolean stream, boolean jsonArray, String apiVersion,
                       Conversation conversation, Long seed) {
}
