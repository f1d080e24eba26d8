package io.github.asynccookbook.chapter05;

import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.ProviderSet;
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
 * services. {@code --tier}, {@code --seed} and {@code --time-scale} configure the simulator it starts.
 */
@Command(name = "chapter-05", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Benchmark Gemini against Mistral: sequential, concurrent, limited and streaming modes.")
public final class Main implements Callable<Integer> {

    @Mixin
    ProviderChoice providers;

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

    @Option(names = "--limit", paramLabel = "K", defaultValue = "" + BenchPlan.DEFAULT_LIMIT,
            description = "Requests in flight in the limited mode, like asyncio.Semaphore(K) (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--modes", paramLabel = "MODE", split = ",",
            description = "Modes to run, in order: sequential,concurrent,limited,streaming (default: all).")
    List<String> modes;

    @Option(names = "--streaming", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Run the streaming mode, which measures TTFT (default: on; --no-streaming skips it).")
    boolean streaming;

    @Mixin
    SimulatorOptions simulator;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Deadline of one attempt; slower requests count as timeouts (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "benchmark-results",
            description = "Where the CSV files and the chart go (default: ${DEFAULT-VALUE}).")
    Path output;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(System.out, System.err, args));
    }

    /**
     * Runs the benchmark as the command line says: 0 on success, 2 for a bad option or a provider setting to fix
     * (one line on {@code err}), 1 when the result files cannot be written.
     */
    public static int execute(PrintStream out, PrintStream err, String... args) {
        return Cli.execute(new Main(), out, err, args);
    }

    @Override
    public Integer call() throws IOException {
        BenchPlan plan = plan();
        PrintWriter out = spec.commandLine().getOut();
        try (ProviderSet providerSet = ProviderSet.of(simulator.settings())) {
            List<Provider> chosen = providerSet.select(providers.name());
            chosen.forEach(provider -> out.println(provider.describe()));
            freeTierNote(providerSet.settings().simulator(), chosen).ifPresent(out::println);
            BenchResult result;
            try (var progress = ProgressBar.onTerminal(plan.requestsPerProvider() * chosen.size())) {
                result = Benchmark.run(plan, chosen, progress);
            }
            out.print(Report.render(result));
            ResultFiles.Written files = ResultFiles.write(result, output);
            out.println();
            out.println("Requests CSV: " + files.requests().toAbsolutePath().normalize());
            out.println("Summary CSV:  " + files.summary().toAbsolutePath().normalize());
            out.println("Chart:        " + files.chart().toAbsolutePath().normalize());
        }
        return CommandLine.ExitCode.OK;
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
        require(iterations >= 1, "--iterations must be at least 1, got " + iterations);
        require(warmUps >= 0, "--warmup must be 0 or more, got " + warmUps);
        require(limit >= 1, "--limit must be at least 1, got " + limit);
        require(timeoutSeconds >= 1, "--timeout must be at least 1 second, got " + timeoutSeconds);
        require(requests == null || requests >= 1, "--requests must be at least 1, got " + requests);
        List<String> chosenTopics = topics();
        require(!chosenTopics.isEmpty(), "no topics: give --topic TEXT or a --topics-file with at least one line");
        List<Mode> chosenModes = modes().stream().filter(mode -> streaming || !mode.streams()).toList();
        require(!chosenModes.isEmpty(), "no mode left to run: --no-streaming removed the only one");
        var workload = new Workload(chosenTopics, requests != null ? requests : chosenTopics.size());
        return new BenchPlan(workload, chosenModes, iterations, warmUps, limit, Duration.ofSeconds(timeoutSeconds));
    }

    private List<String> topics() {
        require(topics.isEmpty() || topicsFile == null, "give --topic or --topics-file, not both");
        if (topicsFile == null) {
            return topics.isEmpty() ? Workload.TOPICS : topics.stream().map(String::strip).toList();
        }
        try {
            return Files.readAllLines(topicsFile).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot read --topics-file " + topicsFile + ": "
                    + e.getClass().getSimpleName());
        }
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
