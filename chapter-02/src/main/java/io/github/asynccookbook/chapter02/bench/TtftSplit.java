package io.github.asynccookbook.chapter02.bench;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import io.github.asynccookbook.harness.Bounds;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.httpclient.reactornetty.ReactorNettyHttpClientBuilder;
import io.github.asynccookbook.providers.ModelOptions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.report.ConsoleTable;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Benchmark, not a lesson: N streams started at once against a simulator in another process, each stopped at its
 * first token. Where does a client's time to first token go? Client TTFT is split, per stream, with the simulator's
 * record of it: send (meter start to the request's arrival at the server), server (arrival to first token written,
 * the TTFT the simulator applied included) and delivery (first token written to first partial in the client). Each
 * stream asks for a different number of tokens, which is how its record is found.
 */
@Command(name = "TtftSplit", mixinStandardHelpOptions = true,
        description = "N streams at once, stopped at the first token: client TTFT split into send, server, delivery.")
public final class TtftSplit implements Callable<Integer> {

    /** Token counts from here up, one per stream: the key between a client's sample and the simulator's record. */
    private static final int FIRST_TOKENS = 10;
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    @Option(names = "--simulator-url", required = true, paramLabel = "URL",
            description = "A running simulator, e.g. http://127.0.0.1:8787 (mvn -pl modules/simulator exec:java).")
    String simulatorUrl;

    @Option(names = "--provider", defaultValue = "mistral", paramLabel = "gemini|mistral",
            description = "Default: ${DEFAULT-VALUE}.")
    String provider;

    @Option(names = "--transport", defaultValue = "reactor-netty", paramLabel = "jdk|reactor-netty",
            description = "The streaming model's transport (default: ${DEFAULT-VALUE}).")
    String transport;

    @Option(names = "--streams", defaultValue = "1000", paramLabel = "N", description = "1 to 20,000 (default: ${DEFAULT-VALUE}).")
    int streams;

    @Option(names = "--warm-up", defaultValue = "200", paramLabel = "N",
            description = "Streams run and discarded first (JIT, connections), 0 to 20,000 (default: ${DEFAULT-VALUE}).")
    int warmUp;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        ChapterCli.exit(new TtftSplit(), args);
    }

    /** One stream as the client saw it, in nanoTime. */
    record Sample(int tokens, long startNanos, long firstPartialNanos, Throwable error) {
    }

    @Override
    public Integer call() throws InterruptedException {
        Bounds.require(spec, "--streams", streams, 1, 20_000);
        Bounds.require(spec, "--warm-up", warmUp, 0, 20_000);
        ModelOptions options = switch (transport) {
            case "jdk" -> ModelOptions.defaults();
            case "reactor-netty" -> ModelOptions.builder().httpClientBuilder(new ReactorNettyHttpClientBuilder()).build();
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--transport must be jdk or reactor-netty, got " + transport);
        };
        try (Simulator simulator = Simulator.connect(simulatorUrl)) {
            Provider chosen = ProviderSet.forSimulator(simulator).get(provider);
            StreamingChatModel model = chosen.streamingChatModel(options);
            if (warmUp > 0) {
                run(model, warmUp);
                awaitRecords(simulator, chosen, warmUp);
            }
            simulator.resetStats();
            long cpuBefore = processCpuNanos();
            long wallBefore = System.nanoTime();
            THREADS.resetPeakThreadCount();
            List<Sample> samples = run(model, streams);
            long cpu = processCpuNanos() - cpuBefore;
            long wall = System.nanoTime() - wallBefore;
            List<RequestRecord> records = awaitRecords(simulator, chosen, streams);
            report(simulator, samples, records);
            // On a machine shared by many busy processes, the kernel shares the cores per runnable thread: a client
            // with a few event-loop threads gets less of them than one with hundreds, however little it needs.
            System.out.printf(Locale.ROOT, "client JVM: %.0f ms of CPU for %d streams (%.2f ms each) in %.0f ms of "
                            + "wall time, i.e. %.2f of a core; peak platform threads %d%n", cpu / 1e6, streams,
                    cpu / 1e6 / streams, wall / 1e6, (double) cpu / wall, THREADS.getPeakThreadCount());
        }
        return 0;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Starts every stream at once, each on a virtual thread of its own, and waits for all first tokens. */
    private static List<Sample> run(StreamingChatModel model, int n) throws InterruptedException {
        var latch = new CountDownLatch(n);
        Sample[] samples = new Sample[n];
        for (int i = 0; i < n; i++) {
            int index = i;
            int tokens = FIRST_TOKENS + i;
            ChatRequest request = ChatRequest.builder()
                    .messages(UserMessage.from("[sim:tokens=" + tokens + "] Question " + i)).build();
            long start = System.nanoTime(); // the meter starts when the caller asks
            Thread.startVirtualThread(() -> model.chat(request, new StreamingChatResponseHandler() {
                private boolean first = true;

                @Override
                public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                    if (first) {
                        first = false;
                        samples[index] = new Sample(tokens, start, System.nanoTime(), null);
                        context.streamingHandle().cancel(); // TTFT measured: stop the stream
                        latch.countDown();
                    }
                }

                @Override
                public void onCompleteResponse(ChatResponse response) {
                    if (first) {
                        samples[index] = new Sample(tokens, start, System.nanoTime(), null);
                        latch.countDown();
                    }
                }

                @Override
                public void onError(Throwable error) {
                    if (first) {
                        first = false;
                        samples[index] = new Sample(tokens, start, 0, error);
                        latch.countDown();
                    }
                }
            }));
        }
        if (!latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("not every stream reached its first token within " + PATIENCE);
        }
        return Arrays.asList(samples);
    }

    /** The simulator's records once it has finished with every stream (a cancel reaches it a moment later). */
    private static List<RequestRecord> awaitRecords(Simulator simulator, Provider provider, int n)
            throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            List<RequestRecord> records = simulator.stats().requests(provider.modelName());
            if (records.size() >= n && records.stream().allMatch(r -> r.completionMillis() != null)) {
                return records;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the simulator did not finish " + n + " streams within " + PATIENCE);
    }

    private void report(Simulator simulator, List<Sample> samples, List<RequestRecord> records) {
        Map<Integer, RequestRecord> byTokens = records.stream()
                .collect(Collectors.toMap(RequestRecord::plannedTokens, Function.identity(), (a, b) -> a));
        var send = new ArrayList<Double>();
        var server = new ArrayList<Double>();
        var applied = new ArrayList<Double>();
        var delivery = new ArrayList<Double>();
        var client = new ArrayList<Double>();
        var lateness = new ArrayList<Double>();
        int failed = 0;
        for (Sample sample : samples) {
            RequestRecord record = byTokens.get(sample.tokens());
            if (sample.error() != null || record == null || record.firstTokenMillis() == null) {
                failed++;
                continue;
            }
            double start = simulator.millisAt(sample.startNanos());
            double first = simulator.millisAt(sample.firstPartialNanos());
            double clientTtft = (sample.firstPartialNanos() - sample.startNanos()) / 1e6;
            send.add(record.arrivalMillis() - start);
            server.add(record.firstTokenMillis() - record.arrivalMillis());
            applied.add(record.appliedTtftMillis());
            delivery.add(first - record.firstTokenMillis());
            client.add(clientTtft);
            lateness.add(clientTtft - record.appliedTtftMillis());
        }
        System.out.printf("%n%s streams at once on the %s transport (%s), %d after %d warm-up streams; %d failed "
                        + "or unmatched; milliseconds%n", provider, transport, simulator.baseUrl(), samples.size(),
                warmUp, failed);
        var table = new ConsoleTable("part", "p50", "p90", "p99", "max");
        row(table, "send: meter start -> arrival at server", send);
        row(table, "server: arrival -> first token written", server);
        row(table, "  of which applied TTFT (simulated model)", applied);
        row(table, "delivery: written -> first partial in client", delivery);
        row(table, "client TTFT", client);
        row(table, "client TTFT - applied TTFT", lateness);
        System.out.print(table.render());
    }

    private static void row(ConsoleTable table, String name, List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        table.row(name, at(sorted, 0.5), at(sorted, 0.9), at(sorted, 0.99),
                sorted.length == 0 ? "-" : format(sorted[sorted.length - 1]));
    }

    private static String at(double[] sorted, double quantile) {
        return sorted.length == 0 ? "-" : format(sorted[Math.min(sorted.length - 1, (int) (sorted.length * quantile))]);
    }

    private static String format(double millis) {
        return String.format(Locale.ROOT, "%.1f", millis);
    }
}
