package io.github.asynccookbook.chapter05;

import io.github.asynccookbook.harness.AllRequestsFailedException;
import io.github.asynccookbook.harness.Bounds;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.harness.ProviderOptions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.SimulatorSettings;
import io.github.asynccookbook.report.ProgressBar;
import io.github.asynccookbook.simulator.Tier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.CharBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The Gemini-versus-Mistral async benchmark: the source benchmark's blocks, then every mode side by side, CSV files
 * and a chart. With no key it runs on the simulator; with keys in {@code .env} the same command measures the real
 * services. A run in which every request of a provider failed still writes its files, then exits with 1.
 */
@Command(name = "chapter-05", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Benchmark Gemini against Mistral: sequential, concurrent, limited and streaming modes.")
public final class Main implements Callable<Integer> {

    static final int MAX_REQUESTS = 10_000;
    static final int MAX_ITERATIONS = 100;
    static final int MAX_WARMUP = 100;
    static final int MAX_CONCURRENCY = 10_000;
    static final long MAX_TIMEOUT_SECONDS = 3_600;
    static final int MAX_TOPICS = 1_000;
    static final int MAX_TOPIC_LENGTH = 1_000;
    /** Every request of a provider is kept for the CSV: this bounds the memory a run needs. */
    static final long MAX_REQUESTS_PER_PROVIDER = 100_000;
    private static final int MAX_TOPICS_FILE_CHARS = 1 << 20;

    @Mixin
    ProviderOptions providers;

    @Option(names = "--topic", paramLabel = "TEXT",
            description = "A topic for \"Give 3 bullet points about: TOPIC\"; repeat for more "
                    + "(default: the source benchmark's five).")
    List<String> topics = new ArrayList<>();

    @Option(names = "--topics-file", paramLabel = "FILE",
            description = "Read topics from a file, one per line (blank lines and # comments skipped).")
    Path topicsFile;

    @Option(names = "--requests", paramLabel = "N",
            description = "Requests per mode; topics repeat in order up to N (default: one per topic).")
    Integer requests;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "1",
            description = "Measured iterations of every mode (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "1",
            description = "Unmeasured requests per provider first: JIT, connections, TLS (default: ${DEFAULT-VALUE}).")
    int warmUps;

    @Option(names = "--max-concurrency", paramLabel = "K", defaultValue = "" + BenchPlan.DEFAULT_MAX_CONCURRENCY,
            description = "Requests in flight in the limited mode, like asyncio.Semaphore(K) (default: ${DEFAULT-VALUE}).")
    int maxConcurrency;

    @Option(names = "--modes", paramLabel = "MODE", split = ",",
            description = "Modes to run, in order: sequential,concurrent,limited,streaming (default: all).")
    List<String> modes;

    @Option(names = "--streaming", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Run the streaming mode, which measures TTFT (default: on; --no-streaming skips it).")
    boolean streaming;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Deadline of one attempt; slower requests count as timeouts (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "benchmark-results",
            description = "Where the CSV files and the chart go (default: ${DEFAULT-VALUE}).")
    Path output;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        ChapterCli.exit(new Main(), args);
    }

    /**
     * Runs the benchmark as the command line says: 0 on success, 2 for a bad option or a provider setting to fix,
     * 1 when every request of a provider failed or the result files cannot be written (one line on {@code err}).
     */
    public static int execute(PrintStream out, PrintStream err, String... args) {
        return ChapterCli.run(new Main(), out, err, args);
    }

    @Override
    public Integer call() throws IOException {
        BenchPlan plan = plan();
        List<Provider> chosen = providers.providers();
        PrintWriter out = spec.commandLine().getOut();
        freeTierNote(providers.providerSet().settings().simulator(), chosen).ifPresent(out::println);
        out.flush();
        BenchResult result;
        try (var progress = ProgressBar.onTerminal(plan.requestsPerProvider() * chosen.size())) {
            result = Benchmark.run(plan, chosen, progress);
        }
        finish(result, output, out);
        return CommandLine.ExitCode.OK;
    }

    /**
     * Prints the report and writes the files, failures included (they are data too); then, if every request of a
     * provider failed, throws so the run ends with a non-zero status and says so.
     */
    static void finish(BenchResult result, Path output, PrintWriter out) throws IOException {
        out.print(Report.render(result));
        ResultFiles.Written files = ResultFiles.write(result, output);
        out.println();
        out.println("Requests CSV: " + files.requests().toAbsolutePath().normalize());
        out.println("Summary CSV:  " + files.summary().toAbsolutePath().normalize());
        out.println("Chart:        " + files.chart().toAbsolutePath().normalize());
        out.flush();
        for (ProviderRun run : result.providers()) {
            List<RequestResult> sent = run.allRequests().toList();
            if (sent.stream().noneMatch(RequestResult::ok)) {
                throw new AllRequestsFailedException(run.displayName(), sent.size(), sent.getFirst().failure());
            }
        }
    }

    private static Optional<String> freeTierNote(SimulatorSettings simulator, List<Provider> chosen) {
        boolean simulated = chosen.stream().anyMatch(provider -> provider.simulator().isPresent());
        if (!simulated || simulator.tier() != Tier.FREE) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT,
                "Simulated free tier: Gemini takes 10 requests per minute, Mistral 1 per second. Refused requests "
                        + "wait as long as the provider asks: up to %.0f s each at time scale %s.",
                60 * simulator.timeScale(), simulator.timeScale()));
    }

    /** The plan the options describe; a bad value is reported as a usage error. */
    BenchPlan plan() {
        Bounds.require(spec, "--iterations", iterations, 1, MAX_ITERATIONS);
        Bounds.require(spec, "--warmup", warmUps, 0, MAX_WARMUP);
        Bounds.require(spec, "--max-concurrency", maxConcurrency, 1, MAX_CONCURRENCY);
        Bounds.require(spec, "--timeout", timeoutSeconds, 1, MAX_TIMEOUT_SECONDS);
        if (requests != null) {
            Bounds.require(spec, "--requests", requests, 1, MAX_REQUESTS);
        }
        List<String> chosenTopics = topics();
        Bounds.require(spec, "the number of topics", chosenTopics.size(), 1, MAX_TOPICS);
        for (String topic : chosenTopics) {
            Bounds.require(spec, "a topic's length", topic.length(), 1, MAX_TOPIC_LENGTH);
        }
        List<Mode> chosenModes = modes().stream().filter(mode -> streaming || !mode.streams()).toList();
        require(!chosenModes.isEmpty(), "no mode left to run: --no-streaming removed the only one");
        var workload = new Workload(chosenTopics, requests != null ? requests : chosenTopics.size());
        var plan = new BenchPlan(workload, chosenModes, iterations, warmUps, maxConcurrency,
                Duration.ofSeconds(timeoutSeconds));
        Bounds.require(spec, "--warmup + --iterations x modes x --requests", plan.requestsPerProvider(), 1,
                MAX_REQUESTS_PER_PROVIDER);
        return plan;
    }

    private List<String> topics() {
        require(topics.isEmpty() || topicsFile == null, "give --topic or --topics-file, not both");
        if (topicsFile == null) {
            return topics.isEmpty() ? _01_SourceBenchmark.TOPICS : topics.stream().map(String::strip).toList();
        }
        return readTopics().lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    /** The topics file, refused beyond a megabyte: a topic list is short, and /dev/zero is not one. */
    private String readTopics() {
        var text = CharBuffer.allocate(MAX_TOPICS_FILE_CHARS + 1);
        try (Reader reader = Files.newBufferedReader(topicsFile)) {
            while (text.hasRemaining() && reader.read(text) >= 0) {
                // read until the end of the file or one character past the limit
            }
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot read --topics-file " + topicsFile + ": "
                    + e.getClass().getSimpleName());
        }
        require(text.hasRemaining(), "--topics-file " + topicsFile + " is longer than "
                + MAX_TOPICS_FILE_CHARS + " characters");
        return text.flip().toString();
    }

    private List<Mode> modes() {
        if (modes == null) {
            return List.of(Mode.values());
        }
        var chosen = new ArrayList<Mode>();
        for (String name : modes) {
            Mode mode = parseMode(name);
            require(!chosen.contains(mode), "--modes lists " + mode.id() + " twice");
            chosen.add(mode);
        }
        return chosen;
    }

    private Mode parseMode(String name) {
        for (Mode mode : Mode.values()) {
            if (mode.id().equals(name.strip().toLowerCase(Locale.ROOT))) {
                return mode;
            }
        }
        throw new ParameterException(spec.commandLine(),
                "unknown mode '" + name + "': use sequential, concurrent, limited or streaming");
    }

    private void require(boolean condition, String message) {
        if (!condition) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }
}
