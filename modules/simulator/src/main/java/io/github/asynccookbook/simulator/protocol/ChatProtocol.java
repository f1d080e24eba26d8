package io.github.asynccookbook.simulator.protocol;

import io.github.asynccookbook.simulator.ModelProfile;
import io.github.asynccookbook.simulator.Protocol;
import io.github.asynccookbook.simulator.conversation.Reply;

import java.util.Collection;
import java.util.List;

/**
 * One provider's wire format. The engine owns routing, auth decisions, timing, rate limits, faults and stats;
 * an adapter only turns bytes into a {@link ChatCall} and a {@link Reply} back into the provider's exact bytes.
 */
public interface ChatProtocol {

    Protocol protocol();

    /** The API key the request carries, or null when it carries none. */
    String apiKey(InboundRequest request);

    /**
     * Parses and validates a chat request.
     *
     * @param modelFromPath Gemini: the model id from the path; Mistral: null (the body names it)
     * @param stream        Gemini: whether the path was {@code :streamGenerateContent}; Mistral: ignored
     * @throws ApiError     UNKNOWN_FIELD or INVALID_REQUEST, with the provider's wording in {@code detail}
     */
    ChatCall parseChat(InboundRequest request, String modelFromPath, boolean stream);

    /**
     * Checks what depends on the model the request names, once it is known (Gemini: {@code maxOutputTokens} within
     * the model's output limit). Nothing by default.
     *
     * @throws ApiError INVALID_REQUEST with the provider's wording
     */
    default void checkLimits(ChatCall call, ModelProfile model) {
    }

    /** The whole non-streamed answer. */
    HttpReply unary(ChatCall call, Reply reply, ResponseMeta meta);

    /** The streamed answer, one frame per chunk. */
    StreamFrames stream(ChatCall call, Reply reply, ResponseMeta meta, List<Chunk> chunks);

    /** The provider's exact error answer. */
    HttpReply error(ApiError error, String apiVersion);

    /**
     * The error answer to a request for a stream, sent instead of the stream: by default the same as {@link #error},
     * but a provider may frame it as its stream would (Gemini's JSON-array stream wraps it in the array).
     */
    default HttpReply streamError(ApiError error, InboundRequest request, String apiVersion) {
        return error(error, apiVersion);
    }

    /** {@code GET .../models} (Gemini honours {@code pageSize}/{@code pageToken}). */
    HttpReply listModels(Collection<ModelProfile> models, InboundRequest request);

    /** {@code GET .../models/{id}}; {@code served} are this provider's models and aliases (a Mistral card lists aliases). */
    HttpReply getModel(ModelProfile model, Collection<ModelProfile> served);

    /** Gemini {@code :countTokens}; Mistral has none and answers NOT_FOUND. */
    HttpReply countTokens(InboundRequest request, ModelProfile model);
}
