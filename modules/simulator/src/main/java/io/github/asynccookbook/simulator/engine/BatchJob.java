package io.github.asynccookbook.simulator.engine;

import io.github.asynccookbook.simulator.BatchStats;
import io.github.asynccookbook.simulator.Protocol;
import io.github.asynccookbook.simulator.batch.BatchPhase;
import io.github.asynccookbook.simulator.batch.BatchSubmission;
import io.github.asynccookbook.simulator.batch.BatchView;
import io.github.asynccookbook.simulator.batch.BatchWire;
import io.github.asynccookbook.simulator.batch.ItemOutcome;

import java.util.List;

/**
 * One batch job. Its whole life is fixed when it is created (when it leaves the queue, when each item is done, when
 * it would expire); a cancel call or a forced failure only moves its end earlier. Every report is computed from
 * the clock, so no timer runs per job and a job finishes even when nobody polls it.
 */
final class BatchJob {

    /** A job forced to end badly ({@code X-Sim-Batch: fail} or {@code expire}) ends as it leaves the queue. */
    enum Forced { NONE, FAIL, EXPIRE }

    static final String FAILURE = "Batch job failed: an internal error occurred while processing it.";

    final String id;
    final BatchWire wire;
    final BatchSubmission submission;
    final List<ItemOutcome> outcomes;
    final String outputFileId;
    final String errorFileId;
    private final long createdNanos;
    private final long createdEpochMillis;
    private final long queueEndNanos;
    private final long processEndNanos;
    private final long deadlineNanos;
    private final long cancellationNanos;
    private final Forced forced;
    private Long cancelRequestedNanos;
    private boolean deleted;

    BatchJob(String id, BatchWire wire, BatchSubmission submission, List<ItemOutcome> outcomes, String outputFileId,
             String errorFileId, long createdNanos, long createdEpochMillis, long queueNanos, long processingNanos,
             long timeoutNanos, long cancellationNanos, Forced forced) {
        this.id = id;
        this.wire = wire;
        this.submission = submission;
        this.outcomes = List.copyOf(outcomes);
        this.outputFileId = outputFileId;
        this.errorFileId = errorFileId;
        this.createdNanos = createdNanos;
        this.createdEpochMillis = createdEpochMillis;
        this.queueEndNanos = createdNanos + queueNanos;
        this.processEndNanos = queueEndNanos + processingNanos;
        this.deadlineNanos = forced == Forced.EXPIRE ? queueEndNanos : createdNanos + timeoutNanos;
        this.cancellationNanos = cancellationNanos;
        this.forced = forced;
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
        List<ItemOutcome> finished = outcomes.subList(0, done);
        int succeeded = (int) finished.stream().filter(ItemOutcome::succeeded).count();
        List<ItemOutcome> results = phase.terminal() ? finished : List.of();
        boolean hasSuccesses = phase.terminal() && succeeded > 0;
        boolean hasFailures = phase.terminal() && done > succeeded;
        return new BatchView(id, submission.model(), submission.displayName(), phase, outcomes.size(), done,
                succeeded, done - succeeded, createdEpochMillis, started(now, end, phase) ? epochMillis(queueEndNanos) : null,
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
        return now >= queueEndNanos && (end > queueEndNanos || phase == BatchPhase.SUCCEEDED);
    }

    /** When the job reaches its final state: its last item, a forced failure, a cancel taking effect, or expiry. */
    private long endNanos() {
        long end = processEndNanos;
        if (forced == Forced.FAIL) {
            end = Math.min(end, queueEndNanos);
        }
        if (cancelRequestedNanos != null) {
            end = Math.min(end, cancelRequestedNanos + cancellationNanos);
        }
        return Math.min(end, deadlineNanos);
    }

    private BatchPhase phase(long now, long end) {
        if (now >= end) {
            if (end == processEndNanos && forced != Forced.FAIL) {
                return BatchPhase.SUCCEEDED;
            }
            if (forced == Forced.FAIL && end == queueEndNanos) {
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
        return now >= queueEndNanos ? BatchPhase.RUNNING : BatchPhase.QUEUED;
    }

    /** Items done by {@code time}: none while queued, then at a steady pace until the last at the processing end. */
    private int doneBy(long time) {
        int total = outcomes.size();
        if (time < queueEndNanos) {
            return 0;
        }
        if (time >= processEndNanos) {
            return total;
        }
        return (int) Math.min(total, (double) total * (time - queueEndNanos) / (processEndNanos - queueEndNanos));
    }

    private long epochMillis(long nanos) {
        return createdEpochMillis + (nanos - createdNanos) / 1_000_000;
    }
}
