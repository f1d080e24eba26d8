package io.github.asynccookbook.simulator;

import java.util.List;

/**
 * Ground truth of the Batch APIs since the last reset: every job created, deleted ones included, oldest first.
 * Read it with {@link Simulator#batches()} or under {@code "batches"} in {@code GET /_sim/stats}.
 */
public record BatchStats(List<Job> jobs) {

    public BatchStats {
        jobs = List.copyOf(jobs);
    }

    public static BatchStats empty() {
        return new BatchStats(List.of());
    }

    /** The jobs one provider was asked to create. */
    public List<Job> jobs(Protocol protocol) {
        return jobs.stream().filter(job -> job.protocol() == protocol).toList();
    }

    /** Items submitted to one provider, over all its jobs. */
    public long items(Protocol protocol) {
        return jobs(protocol).stream().mapToLong(Job::items).sum();
    }

    public Job job(String id) {
        return jobs.stream().filter(job -> job.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no batch job " + id));
    }

    /**
     * One job. Times are milliseconds since the simulator started.
     *
     * @param state           the provider's own word for its state now ({@code BATCH_STATE_SUCCEEDED}, {@code SUCCESS})
     * @param phase           the same in neutral terms: QUEUED, RUNNING, CANCELLING, SUCCEEDED, FAILED, CANCELLED, EXPIRED
     * @param completed       items done so far; {@code succeeded + failed}
     * @param endedMillis     when it reached its final state, or null
     * @param cancelRequested a cancel call reached it
     * @param deleted         a delete call removed it (Gemini, Mistral)
     */
    public record Job(String id, Protocol protocol, String model, String state, String phase, int items,
                      int completed, int succeeded, int failed, double createdMillis, Double endedMillis,
                      boolean cancelRequested, boolean deleted) {
    }
}
