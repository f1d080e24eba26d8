package io.github.asynccookbook.simulator.engine;

import io.github.asynccookbook.simulator.BatchStats;
import io.github.asynccookbook.simulator.Protocol;
import io.github.asynccookbook.simulator.batch.BatchPhase;
import io.github.asynccookbook.simulator.batch.BatchSubmission;
import io.github.asynccookbook.simulator.batch.BatchView;
import io.github.asynccookbook.simulator.batch.BatchWire;
import io.github.asynccookbook.simulator.batch.ItemOutcome;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * One batch job. Its life is planned when it is created (when it leaves the queue, when each item is done, when it
 * would expire); a cancel call or a forced failure only moves its end earlier. Its items are answered in the
 * background while it queues, so creating even a large job answers at once; a job leaves the queue only once they
 * are, which on a busy machine may be later than planned. Every report is computed from the clock, so no timer runs
 * per job and a job finishes even when nobody polls it.
 */
final class BatchJob {

    /** A job forced to end badly ({@code X-Sim-Batch: fail} or {@code expire}) ends as it leaves the queue. */
    enum Forced { NONE, FAIL, EXPIRE }

    static final String FAILURE = "Batch job failed: an internal error occurred while processing it.";

    final String id;
    final BatchWire wire;
    final BatchSubmission submission;
    private final CompletableFuture<List<ItemOutcome>> outcomes;
    private final int total;
    final String outputFileId;
    final String errorFileId;
    private final long createdNanos;
    private final long createdEpochMillis;
    private final long plannedQueueEndNanos;
    private final long processingNanos;
    private final long timeoutNanos;
    private volatile long answeredNanos = Long.MAX_VALUE;
    private final long cancellationNanos;
    private final Forced forced;
    private Long cancelRequestedNanos;
    private boolean deleted;

    BatchJob(String id, BatchWire wire, BatchSubmission submission, CompletableFuture<List<ItemOutcome>> outcomes,
             LongSupplier clock, String outputFileId,
             String errorFileId, long createdNanos, long createdEpochMillis, long queueNanos, long processingNanos,
             long timeoutNanos, long cancellationNanos, Forced forced) {
        this.id = id;
        this.wire = wire;
        this.submission = submission;
        this.outcomes = outcomes;
        this.total = submission.items().size();
        this.outputFileId = outputFileId;
        this.errorFileId = errorFileId;
        this.createdNanos = createdNanos;
        this.createdEpochMillis = createdEpochMillis;
        this.plannedQueueEndNanos = createdNanos + queueNanos;
        this.processingNanos = processingNanos;
        this.timeoutNanos = timeoutNanos;
        this.cancellationNanos = cancellationNanos;
        this.forced = forced;
        outcomes.whenComplete((answered, failure) -> answeredNanos = clock.getAsLong());
    }

    /** When it leaves the queue: as planned, or once its items are answered if that is later. */
    private long queueEndNanos() {
        return Math.max(plannedQueueEndNanos, answeredNanos);
    }

    private long processEndNanos() {
        long queueEnd = queueEndNanos();
        return queueEnd == Long.MAX_VALUE ? Long.MAX_VALUE : queueEnd + processingNanos;
    }

    private long deadlineNanos() {
        return forced == Forced.EXPIRE ? queueEndNanos() : createdNanos + timeoutNanos;
    }

    private List<ItemOutcome> answered() {
        return outcomes.getNow(List.of());
    }

    Protocol protocol() {
        return wire.protocol();
    }

    synchronized boolean deleted() {
        return deleted;
    }

    synchronized void delete() {
        deleted = true;
    }

    /** Asks the job to stop; a job already over, or already asked, is left as it is. */
    synchronized void cancel(long now) {
        if (cancelRequestedNanos == null && now < endNanos()) {
            cancelRequestedNanos = now;
        }
    }

    synchronized BatchView view(long now) {
        long end = endNanos();
        BatchPhase phase = phase(now, end);
        int done = phase == BatchPhase.FAILED ? 0 : doneBy(Math.min(now, end));
        List<ItemOutcome> finished = answered().subList(0, done);
        int succeeded = (int) finished.stream().filter(ItemOutcome::succeeded).count();
        List<ItemOutcome> results = phase.terminal() ? finished : List.of();
        boolean hasSuccesses = phase.terminal() && succeeded > 0;
        boolean hasFailures = phase.terminal() && done > succeeded;
        return new BatchView(id, submission.model(), submission.displayName(), phase, total, done,
                succeeded, done - succeeded, createdEpochMillis, started(now, end, phase) ? epochMillis(queueEndNanos()) : null,
                phase.terminal() ? epochMillis(end) : null, epochMillis(Math.min(now, end)), results,
                phase == BatchPhase.FAILED ? FAILURE : null, submission.metadata(),
                hasSuccesses ? outputFileId : null, hasFailures ? errorFileId : null);
    }

    synchronized BatchStats.Job record(long now, SimulatorClock clock) {
        BatchView view = view(now);
        return new BatchStats.Job(id, protocol(), submission.model(), wire.stateName(view.phase()), view.phase().name(),
                view.total(), view.completed(), view.succeeded(), view.failed(), clock.millisAt(createdNanos),
                view.phase().terminal() ? clock.millisAt(endNanos()) : null, cancelRequestedNanos != null, deleted);
    }

    /** Whether it left the queue to run: a job stopped in the queue, or as it left it, never ran. */
    private boolean started(long now, long end, BatchPhase phase) {
        return now >= queueEndNanos() && (end > queueEndNanos() || phase == BatchPhase.SUCCEEDED);
    }

    /** When the job reaches its final state: its last item, a forced failure, a cancel taking effect, or expiry. */
    private long endNanos() {
        long end = processEndNanos();
        if (forced == Forced.FAIL) {
            end = Math.min(end, queueEndNanos());
        }
        if (cancelRequestedNanos != null) {
            end = Math.min(end, cancelRequestedNanos + cancellationNanos);
        }
        return Math.min(end, deadlineNanos());
    }

    private BatchPhase phase(long now, long end) {
        if (now >= end) {
            if (end == processEndNanos() && forced != Forced.FAIL) {
                return BatchPhase.SUCCEEDED;
            }
            if (forced == Forced.FAIL && end == queueEndNanos()) {
                return BatchPhase.FAILED;
            }
            if (cancelRequestedNanos != null && end == cancelRequestedNanos + cancellationNanos) {
                return BatchPhase.CANCELLED;
            }
            return BatchPhase.EXPIRED;
        }
        if (cancelRequestedNanos != null) {
            return BatchPhase.CANCELLING;
        }
        return now >= queueEndNanos() ? BatchPhase.RUNNING : BatchPhase.QUEUED;
    }

    /** Items done by {@code time}: none while queued, then at a steady pace until the last at the processing end. */
    private int doneBy(long time) {
        long queueEnd = queueEndNanos();
        if (time < queueEnd) {
            return 0;
        }
        if (time >= queueEnd + processingNanos) {
            return total;
        }
        return (int) Math.min(total, (double) total * (time - queueEnd) / processingNanos);
    }

    private long epochMillis(long nanos) {
        return createdEpochMillis + (nanos - createdNanos) / 1_000_000;
    }
}
