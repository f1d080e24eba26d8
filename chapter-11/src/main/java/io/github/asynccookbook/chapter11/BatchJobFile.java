package io.github.asynccookbook.chapter11;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * The batch ids a run has submitted, one per job key, in a small properties file: written the moment a job is
 * submitted, read before submitting again, removed once its results are in. A crash between the two runs costs
 * nothing: the next run finds the id and polls that job instead of paying for a second one.
 */
public final class BatchJobFile {

    private final Path path;

    public BatchJobFile(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    public synchronized Optional<String> find(String jobKey) {
        return Optional.ofNullable(load().getProperty(jobKey));
    }

    /** Saved through a temporary file and an atomic move: a crash mid-write leaves the old file whole. */
    public synchronized void save(String jobKey, String batchId) {
        Properties ids = load();
        ids.setProperty(jobKey, batchId);
        store(ids);
    }

    public synchronized void remove(String jobKey) {
        Properties ids = load();
        if (ids.remove(jobKey) != null) {
            store(ids);
        }
    }

    private Properties load() {
        Properties ids = new Properties();
        if (Files.exists(path)) {
            try (Reader reader = Files.newBufferedReader(path)) {
                ids.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the batch job file " + path, e);
            }
        }
        return ids;
    }

    private void store(Properties ids) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, path.getFileName().toString(), ".tmp");
            try (Writer writer = Files.newBufferedWriter(temporary)) {
                ids.store(writer, "batch jobs submitted and not yet collected: key = provider batch id");
            }
            Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the batch job file " + path, e);
        }
    }
}
