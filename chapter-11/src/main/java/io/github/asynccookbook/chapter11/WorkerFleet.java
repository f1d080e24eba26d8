package io.github.asynccookbook.chapter11;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Worker JVMs started with this JVM's {@code java} and class path, one {@link SharedLimitWorker} each, and what they
 * report: the first is started alone so that it founds the Hazelcast cluster the others then join (members that
 * start at the same instant may found two), and all of them start sending on one {@link #go()}.
 */
final class WorkerFleet implements AutoCloseable {

    /** What a worker reported in one round: its answers, its 429s, and whether it sent all its calls. */
    static final class Round {
        final AtomicInteger ok = new AtomicInteger();
        final AtomicInteger rejected = new AtomicInteger();
        final CountDownLatch done = new CountDownLatch(1);
        volatile boolean finished;
    }

    /** One worker process and the protocol lines it printed. */
    static final class Worker {
        final int id;
        final Process process;
        final PrintWriter stdin;
        final List<String> output = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch member = new CountDownLatch(1);
        final CountDownLatch ready = new CountDownLatch(1);
        volatile Round round = new Round();
        volatile boolean killed;

        private Worker(int id, Process process) {
            this.id = id;
            this.process = process;
            this.stdin = new PrintWriter(process.outputWriter(StandardCharsets.UTF_8), true);
            Thread.ofVirtual().name("worker-" + id + "-output").start(this::read);
        }

        private void read() {
            try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    output.add(line);
                    switch (line) {
                        case "@member" -> member.countDown();
                        case "@ready" -> ready.countDown();
                        case "@ok" -> round.ok.incrementAndGet();
                        case "@429" -> round.rejected.incrementAndGet();
                        case "@done" -> {
                            round.finished = true;
                            round.done.countDown();
                        }
                        default -> { }
                    }
                }
            } catch (IOException gone) {
                // the process was killed: what it printed so far is all there is
            } finally {
                member.countDown();
                ready.countDown();
                round.done.countDown();
            }
        }

        /** The worker's last lines, for a failure message. */
        String tail() {
            synchronized (output) {
                return String.join(" | ", output.subList(Math.max(0, output.size() - 5), output.size()));
            }
        }
    }

    private final List<Worker> workers = new ArrayList<>();

    private WorkerFleet() {
    }

    /**
     * Starts {@code count} workers; {@code argsOf} gives worker {@code n}'s options (1-based). With {@code firstAlone}
     * the others start once the first is up (its Hazelcast member founds the cluster).
     */
    static WorkerFleet start(int count, boolean firstAlone, IntFunction<List<String>> argsOf, Duration timeout) {
        var fleet = new WorkerFleet();
        try {
            Worker first = fleet.launch(1, argsOf.apply(1));
            if (firstAlone) {
                await(first, first.member, () -> first.output.contains("@member"), "start", timeout);
            }
            for (int n = 2; n <= count; n++) {
                fleet.launch(n, argsOf.apply(n));
            }
            for (Worker worker : fleet.workers) {
                await(worker, worker.ready, () -> worker.output.contains("@ready"), "get ready", timeout);
            }
            return fleet;
        } catch (RuntimeException e) {
            fleet.close();
            throw e;
        }
    }

    List<Worker> workers() {
        return List.copyOf(workers);
    }

    /** Every live worker starts a round now: its calls, each after a token from {@code store}'s {@code bucket}. */
    void go(LimitStore store, String bucket) {
        for (Worker worker : workers) {
            if (!worker.killed) {
                worker.round = new Round();
                worker.stdin.println("go " + store.name() + " " + bucket);
            }
        }
    }

    /** Waits until every worker not killed has sent all its calls of this round. */
    void awaitDone(Duration timeout) {
        for (Worker worker : workers) {
            if (!worker.killed) {
                Round round = worker.round;
                await(worker, round.done, () -> round.finished, "finish", timeout);
            }
        }
    }

    /** Kills the worker's JVM at once, as a crash or {@code kill -9} would: no shutdown hook runs. */
    void kill(Worker worker) {
        worker.killed = true;
        worker.process.destroyForcibly();
        try {
            worker.process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Tells the workers to leave (stdin closed), and kills the ones that do not within 30 seconds. */
    @Override
    public void close() {
        workers.forEach(worker -> worker.stdin.close());
        for (Worker worker : workers) {
            try {
                if (!worker.process.waitFor(30, TimeUnit.SECONDS)) {
                    worker.process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                worker.process.destroyForcibly();
            }
        }
    }

    private Worker launch(int id, List<String> options) {
        var command = new ArrayList<String>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dslf4j.internal.verbosity=WARN",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                // what Hazelcast asks for on Java 17+ (it warns and runs slower without)
                "--add-modules", "java.se", "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
                "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-opens", "java.management/sun.management=ALL-UNNAMED",
                "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
                "-cp", classPath(), SharedLimitWorker.class.getName()));
        command.addAll(options);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            var worker = new Worker(id, process);
            workers.add(worker);
            return worker;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a worker JVM: " + e.getMessage(), e);
        }
    }

    private static void await(Worker worker, CountDownLatch latch, BooleanSupplier reached, String what,
                              Duration timeout) {
        try {
            if (!latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("worker " + worker.id + " did not " + what + " within "
                        + timeout.toSeconds() + " s: " + worker.tail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while worker " + worker.id + " should " + what, e);
        }
        if (!reached.getAsBoolean()) {
            throw new IllegalStateException("worker " + worker.id + " exited before it could " + what + ": "
                    + worker.tail());
        }
    }

    /** {@code mvn exec:java} runs mains behind a class loader listing the project's class path; plain java has its own. */
    private static String classPath() {
        if (WorkerFleet.class.getClassLoader() instanceof URLClassLoader urls && urls.getURLs().length > 0) {
            return Stream.of(urls.getURLs()).map(url -> {
                try {
                    return Path.of(url.toURI()).toString();
                } catch (URISyntaxException e) {
                    throw new IllegalStateException("not a file on the class path: " + url, e);
                }
            }).collect(Collectors.joining(File.pathSeparator));
        }
        return System.getProperty("java.class.path");
    }
}
