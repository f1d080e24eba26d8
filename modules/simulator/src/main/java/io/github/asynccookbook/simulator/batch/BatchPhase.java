package io.github.asynccookbook.simulator.batch;

/**
 * Where a batch job is in its life, in neutral terms; each provider names these its own way (Gemini
 * {@code BATCH_STATE_*}, Mistral {@code QUEUED}…{@code TIMEOUT_EXCEEDED}).
 */
public enum BatchPhase {
    QUEUED, RUNNING, CANCELLING, SUCCEEDED, FAILED, CANCELLED, EXPIRED;

    public boolean terminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED || this == EXPIRED;
    }
}
