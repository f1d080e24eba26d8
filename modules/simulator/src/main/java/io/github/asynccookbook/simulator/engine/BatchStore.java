package io.github.asynccookbook.simulator.engine;

import io.github.asynccookbook.simulator.BatchStats;
import io.github.asynccookbook.simulator.Protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every batch job since the last reset, in creation order, and the result files that belong to them. */
final class BatchStore {

    /** A Mistral result file: which job, and whether it holds the successes or the failures. */
    record ResultFile(BatchJob job, boolean errors) {
    }

    private final Map<String, BatchJob> jobs = new LinkedHashMap<>();
    private final Map<String, ResultFile> files = new LinkedHashMap<>();

    synchronized void add(BatchJob job) {
        jobs.put(job.id, job);
        files.put(job.outputFileId, new ResultFile(job, false));
        files.put(job.errorFileId, new ResultFile(job, true));
    }

    /** A job of this provider that was not deleted. */
    synchronized Optional<BatchJob> find(Protocol protocol, String id) {
        BatchJob job = jobs.get(id);
        return job == null || job.protocol() != protocol || job.deleted() ? Optional.empty() : Optional.of(job);
    }

    synchronized Optional<ResultFile> file(String id) {
        return Optional.ofNullable(files.get(id)).filter(file -> !file.job().deleted());
    }

    /** This provider's jobs, newest first, deleted ones left out. */
    synchronized List<BatchJob> newestFirst(Protocol protocol) {
        List<BatchJob> listed = new ArrayList<>();
        jobs.values().stream().filter(job -> job.protocol() == protocol && !job.deleted()).forEach(listed::add);
        return listed.reversed();
    }

    synchronized BatchStats stats(long now, SimulatorClock clock) {
        return new BatchStats(jobs.values().stream().map(job -> job.record(now, clock)).toList());
    }

    synchronized void clear() {
        jobs.clear();
        files.clear();
    }
}
