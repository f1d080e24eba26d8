package io.github.asynccookbook.harness;

/**
 * A run in which every request failed: the mains end with a non-zero status and say so, instead of printing a table
 * of failures and exiting 0. The first failure is the cause.
 */
public final class AllRequestsFailedException extends RuntimeException {

    public AllRequestsFailedException(int requests, Throwable firstFailure) {
        super("all %d requests failed; the first: %s".formatted(requests, Failures.describe(firstFailure).line()),
                firstFailure);
    }

    /** Every request sent to one provider failed: {@code all 21 Gemini requests failed; the first: ...}. */
    public AllRequestsFailedException(String provider, int requests, Throwable firstFailure) {
        super("all %d %s requests failed; the first: %s".formatted(requests, provider,
                Failures.describe(firstFailure).line()), firstFailure);
    }
}
