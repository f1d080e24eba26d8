package io.github.asynccookbook.simulator.protocol;

import java.time.Duration;

/**
 * A failure in provider-neutral terms; each {@link ChatProtocol} renders it as its provider's exact status and body.
 * Thrown by the adapters while parsing, and by the engine for auth, unknown models, faults and rate limits.
 */
public final class ApiError extends RuntimeException {

    public enum Kind {
        /** No API key at all: Gemini 403 PERMISSION_DENIED, Mistral 401. */
        MISSING_KEY,
        /** A key other than the configured one: Gemini 400 API_KEY_INVALID, Mistral 401. */
        INVALID_KEY,
        /** Unknown model id: Gemini 404 NOT_FOUND, Mistral 400 invalid_model. {@code detail} is the model id. */
        MODEL_NOT_FOUND,
        /** A field the real API does not know: Gemini 400, Mistral 422 extra_forbidden. {@code detail} is the field path. */
        UNKNOWN_FIELD,
        /** Malformed JSON or a semantically bad request: Gemini 400 INVALID_ARGUMENT, Mistral 400/422. {@code detail} says what. */
        INVALID_REQUEST,
        /** Quota exceeded: 429. {@code retryDelay} is when the window really frees, {@code quota} which limit. */
        RATE_LIMITED,
        /** 500. */
        INTERNAL,
        /** 503. */
        OVERLOADED,
        /** No such route: 404. {@code detail} is the path. */
        NOT_FOUND,
        /** A body over the size limit: Gemini 400 INVALID_ARGUMENT, Mistral 413. {@code limit} is the limit in bytes. */
        REQUEST_TOO_LARGE
    }

    /** Which limit a 429 hit, in the terms Gemini's QuotaFailure and Mistral's headers use. */
    public enum Quota { REQUESTS_PER_WINDOW, TOKENS_PER_MINUTE, REQUESTS_PER_DAY }

    private final Kind kind;
    private final String detail;
    private final Duration retryDelay;
    private final Quota quota;
    private final long limit;
    private final String model;

    private ApiError(Kind kind, String detail, Duration retryDelay, Quota quota, long limit, String model) {
        super(kind + (detail == null ? "" : ": " + detail), null, false, false);
        this.kind = kind;
        this.detail = detail;
        this.retryDelay = retryDelay;
        this.quota = quota;
        this.limit = limit;
        this.model = model;
    }

    public static ApiError of(Kind kind, String detail) {
        return new ApiError(kind, detail, null, null, 0, null);
    }

    public static ApiError requestTooLarge(long limitBytes) {
        return new ApiError(Kind.REQUEST_TOO_LARGE, null, null, null, limitBytes, null);
    }

    public static ApiError rateLimited(String model, Quota quota, long limit, Duration retryDelay) {
        return new ApiError(Kind.RATE_LIMITED, null, retryDelay, quota, limit, model);
    }

    public Kind kind() { return kind; }
    public String detail() { return detail; }
    /** Real-time delay until the exhausted window frees; only for RATE_LIMITED. */
    public Duration retryDelay() { return retryDelay; }
    public Quota quota() { return quota; }
    public long limit() { return limit; }
    public String model() { return model; }
}
