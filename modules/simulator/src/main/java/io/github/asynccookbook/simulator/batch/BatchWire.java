package io.github.asynccookbook.simulator.batch;

import io.github.asynccookbook.simulator.Protocol;
import io.github.asynccookbook.simulator.protocol.HttpReply;
import io.github.asynccookbook.simulator.protocol.InboundRequest;

import java.util.List;

/**
 * One provider's Batch API on the wire. The engine owns the jobs, their timing and their items' answers; an adapter
 * reads a create request and renders jobs, pages and result files in its provider's exact shapes.
 */
public interface BatchWire {

    Protocol protocol();

    /** The provider's own word for a phase ({@code BATCH_STATE_RUNNING}, {@code CANCELLATION_REQUESTED}). */
    String stateName(BatchPhase phase);

    /**
     * @param modelFromPath Gemini: the model of {@code models/{m}:batchGenerateContent}; Mistral: null (the body names it)
     * @throws io.github.asynccookbook.simulator.protocol.ApiError INVALID_REQUEST or UNKNOWN_FIELD in the provider's words
     */
    BatchSubmission parseCreate(InboundRequest request, String modelFromPath);

    /** The answer to create, get and (Mistral) cancel. */
    HttpReply job(BatchView job);

    /** One page of jobs, newest first; {@code nextPage} is the token of the next page or null. */
    HttpReply page(List<BatchView> jobs, String nextPage, int total);

    /** The answer to cancel (Gemini: empty; Mistral: the job). */
    HttpReply cancelled(BatchView job);

    /** The answer to delete. */
    HttpReply deleted(String id);

    /** No job (or file) with this id. */
    HttpReply notFound(String what);

    /** Mistral: a result file's JSONL, one line per outcome; Gemini has no such route. */
    HttpReply file(String jobId, List<ItemOutcome> outcomes);
}
