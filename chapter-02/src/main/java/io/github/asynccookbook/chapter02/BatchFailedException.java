package io.github.asynccookbook.chapter02;

/**
 * Thrown by a fail-fast {@link Batch} at the first failed call, after the calls still running were cancelled. The
 * failed call's exception is the cause; {@link #failure()} also says which input it was.
 */
public final class BatchFailedException extends RuntimeException {

    private final transient Outcome.Failure<?> failure;

    public BatchFailedException(Outcome.Failure<?> failure) {
        super("call #%d failed: %s".formatted(failure.index(), failure.error()), failure.error());
        this.failure = failure;
    }

    public Outcome.Failure<?> failure() {
        return failure;
    }
}
