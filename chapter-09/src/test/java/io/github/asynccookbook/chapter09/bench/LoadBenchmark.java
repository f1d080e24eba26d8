package io.github.asynccookbook.chapter09.bench;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import dev.langchain4j.model.mistralai.MistralAiStreamingChatModel;
import io.github.asynccookbook.chapter09.TestServerAccess;
import io.github.asynccookbook.chapter09.WebServer;
import io.github.asynccookbook.httpclient.reactornetty.ReactorNettyHttpClientBuilder;
import io.github.asynccookbook.recipes.AskServer;
import io.github.asynccookbook.simulator.Protocol;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.Simulator;
import io.github.asynccookbook.simulator.SimulatorConfig;
import io.github.asynccookbook.simulator.SimulatorStats;
import io.github.asynccookbook.simulator.Tier;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N concurrent SSE clients on loopback against each server (not a test: run bench/load.sh). Each client asks for a
 * different answer length, so its request is found in the simulator's records by provider and planned tokens, and
 * the server's TTFT overhead is the client's TTFT minus the TTFT the simulator applied to that very request. A second
 * round has every other client ask for an answer that stalls half way and hang up after its first token: the
 * simulator's disconnect count must match, and "hang" is the time from a client's close to the simulator's record.
 *
 * <p>Everything runs in one JVM (simulator, server, clients): threads are the JVM's platform threads but the
 * clients', heap is the whole JVM's, both as peak and as peak minus the idle baseline, to compare the two servers in
 * one run. The models use the Reactor Netty transport, so the
 * LLM side holds sockets, not threads, and the server's own cost shows.
 */
public final class LoadBenchmark {

    private static final int BASE_TOKENS = 1_000;

    record ClientResult(String provider, int tokens, long sentNanos, long firstTokenNanos, boolean done,
                        boolean leftEarly, long leftNanos, String failure) {
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        double timeScale = args.length > 1 ? Double.parseDouble(args[1]) : 1;
        List<String> servers = args.length > 2 ? List.of(args[2].split(",")) : List.of("javalin", "spring");
        // A leaving client's answer stalls half way for half an hour: it is surely in flight when the client goes.
        SimulatorConfig config = SimulatorConfig.defaults().toBuilder().timeScale(timeScale).tier(Tier.UNLIMITED)
                .stallDuration(Duration.ofMinutes(30)).build();
        System.out.printf("%,d concurrent SSE clients per server, half Gemini, half Mistral, %d-%d tokens each, "
                + "simulator time scale %s, %d cores%n", clients, BASE_TOKENS, BASE_TOKENS + clients / 2,
                timeScale, Runtime.getRuntime().availableProcessors());
        System.out.printf("%-8s %-11s %6s %7s %5s %8s %8s %8s %8s %8s %8s %9s %9s %12s %12s%n", "server", "round",
                "done", "dropped", "left", "sim disc", "sim peak", "in p50", "ovh p50", "ovh p99", "ovh max",
                "hang p50", "hang p99", "threads", "heap MB");
        try (Simulator simulator = Simulator.start(config)) {
            for (String name : servers) {
                AskServer.Llm llm = new AskServer.Llm(models(simulator), AskServer.Settings.defaults()
                        .withStreamsPerClient(clients * 2).withDeadline(Duration.ofMinutes(5)));
                try (WebServer server = TestServerAccess.start(name, llm)) {
                    warmUp(server, simulator);
                    for (boolean halfLeave : new boolean[]{false, true}) {
                        simulator.reset();
                        System.gc();
                        int baseThreads = ManagementFactory.getThreadMXBean().getThreadCount();
                        long baseHeap = usedHeap();
                        var peaks = new Peaks();
                        peaks.start();
                        List<ClientResult> results = run(server.url(), clients, halfLeave);
                        peaks.stop();
                        report(name, halfLeave, results, simulator, "%d (+%d)".formatted(peaks.threads.get(),
                                peaks.threads.get() - baseThreads), "%d (+%d)".formatted(peaks.heap.get() >> 20,
                                (peaks.heap.get() - baseHeap) >> 20));
                    }
                }
            }
        }
        System.out.printf("load average at the end: %s%n", loadAverage());
        System.exit(0);
    }

    private static Map<String, StreamingChatModel> models(Simulator simulator) {
        Map<String, StreamingChatModel> models = new LinkedHashMap<>();
        models.put("gemini", GoogleAiGeminiStreamingChatModel.builder().baseUrl(simulator.geminiBaseUrl())
                .apiKey("simulated-key").modelName("gemini-2.5-flash").timeout(Duration.ofMinutes(5))
                .httpClientBuilder(new ReactorNettyHttpClientBuilder().readTimeout(Duration.ofMinutes(5))).build());
        models.put("mistral", MistralAiStreamingChatModel.builder().baseUrl(simulator.mistralBaseUrl())
                .apiKey("simulated-key").modelName("mistral-small-latest").timeout(Duration.ofMinutes(5))
                .httpClientBuilder(new ReactorNettyHttpClientBuilder().readTimeout(Duration.ofMinutes(5))).build());
        return models;
    }

    private static void warmUp(WebServer server, Simulator simulator) throws Exception {
        List<ClientResult> warm = run(server.url(), 50, false);
        if (warm.stream().anyMatch(r -> !r.done())) {
            throw new IllegalStateException("warm-up failed: " + warm.stream().filter(r -> !r.done()).findFirst());
        }
    }

    /** Live client threads, so that the thread count reported is the server's (with the simulator's) alone. */
    private static final java.util.concurrent.atomic.AtomicInteger CLIENT_THREADS =
            new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Clients on platform threads: on virtual threads they would share the JVM's few carrier threads with the
     * Javalin server's handlers (virtual threads too) but not with Reactor Netty's event loops, and the comparison
     * would measure the clients' scheduling instead of the servers.
     */
    private static List<ClientResult> run(String url, int clients, boolean halfLeave) throws Exception {
        var start = new CountDownLatch(1);
        List<Future<ClientResult>> futures = new ArrayList<>();
        var factory = Thread.ofPlatform().name("client-", 0).stackSize(256 * 1024).factory();
        try (var threads = Executors.newThreadPerTaskExecutor(factory)) {
            for (int i = 0; i < clients; i++) {
                String provider = i % 2 == 0 ? "gemini" : "mistral";
                int tokens = BASE_TOKENS + i / 2;
                boolean leave = halfLeave && (i / 2) % 2 == 1;
                futures.add(threads.submit(() -> {
                    CLIENT_THREADS.incrementAndGet();
                    try {
                        start.await();
                        return client(url, provider, tokens, leave);
                    } finally {
                        CLIENT_THREADS.decrementAndGet();
                    }
                }));
            }
            start.countDown();
            List<ClientResult> results = new ArrayList<>();
            for (Future<ClientResult> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }

    /** One client over a plain socket: the time the request left, the time of the first token event, the end. */
    private static ClientResult client(String url, String provider, int tokens, boolean leaveAfterFirstToken) {
        URI uri = URI.create(url);
        String question = URLEncoder.encode("Tell me about load number " + tokens + " [sim:tokens=" + tokens + "]"
                + (leaveAfterFirstToken ? " [sim:fault=stall-stream]" : ""), StandardCharsets.UTF_8);
        long sent = 0;
        long firstToken = 0;
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(300_000);
            OutputStream out = socket.getOutputStream();
            sent = System.nanoTime();
            out.write(("GET /stream?provider=" + provider + "&question=" + question + " HTTP/1.1\r\nHost: "
                    + uri.getHost() + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String event = line.replace("event: ", "event:");
                if (firstToken == 0 && event.equals("event:token")) {
                    firstToken = System.nanoTime();
                    if (leaveAfterFirstToken) {
                        socket.close();
                        return new ClientResult(provider, tokens, sent, firstToken, false, true, System.nanoTime(),
                                null);
                    }
                } else if (event.equals("event:done")) {
                    return new ClientResult(provider, tokens, sent, firstToken, true, false, 0, null);
                } else if (event.equals("event:error")) {
                    return new ClientResult(provider, tokens, sent, firstToken, false, false, 0, in.readLine());
                }
            }
            return new ClientResult(provider, tokens, sent, firstToken, false, false, 0, "stream ended without done");
        } catch (Exception e) {
            return new ClientResult(provider, tokens, sent, firstToken, false, false, 0, e.toString());
        }
    }

    private static void report(String server, boolean halfLeave, List<ClientResult> results, Simulator simulator,
                               String threads, String heapMb) throws InterruptedException {
        Thread.sleep(2_000);   // the last disconnects reach the simulator's books
        SimulatorStats stats = simulator.stats();
        Map<String, RequestRecord> byKey = new HashMap<>();
        for (RequestRecord r : stats.requests()) {
            byKey.put(r.protocol().name().toLowerCase() + " " + r.plannedTokens(), r);
        }
        List<Double> overheads = new ArrayList<>();
        List<Double> inbound = new ArrayList<>();
        List<Double> hangUps = new ArrayList<>();
        for (ClientResult result : results) {
            RequestRecord seen = byKey.get(result.provider() + " " + result.tokens());
            if (seen != null) {
                inbound.add(seen.arrivalMillis() - simulator.millisAt(result.sentNanos()));
            }
            if (seen != null && result.firstTokenNanos() != 0 && seen.firstTokenMillis() != null) {
                double clientTtft = (result.firstTokenNanos() - result.sentNanos()) / 1e6;
                double simulatorTtft = seen.firstTokenMillis() - seen.arrivalMillis();
                overheads.add(clientTtft - simulatorTtft);
            }
            if (seen != null && result.leftEarly() && seen.clientDisconnected()) {
                hangUps.add(seen.completionMillis() - simulator.millisAt(result.leftNanos()));
            }
        }
        long done = results.stream().filter(ClientResult::done).count();
        long left = results.stream().filter(ClientResult::leftEarly).count();
        long dropped = results.size() - done - left;
        long disconnects = stats.requests().stream().filter(RequestRecord::clientDisconnected).count();
        double[] sorted = overheads.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] in = inbound.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] hang = hangUps.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("%-8s %-11s %6s %7s %5s %8s %8s %8s %8s %8s %8s %9s %9s %12s %12s%n", server,
                halfLeave ? "half leave" : "all finish", fmt(done), fmt(dropped), fmt(left), fmt(disconnects),
                fmt(stats.maxInFlight()), ms(percentile(in, 50)), ms(percentile(sorted, 50)),
                ms(percentile(sorted, 99)),
                ms(sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1]), ms(percentile(hang, 50)),
                ms(percentile(hang, 99)), threads, heapMb);
        results.stream().filter(r -> r.failure() != null).limit(3)
                .forEach(r -> System.out.println("  failure: " + r.failure()));
    }

    private static String fmt(long n) {
        return String.format("%,d", n);
    }

    private static String ms(double value) {
        return Double.isNaN(value) ? "-" : String.format("%.0f ms", value);
    }

    private static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String loadAverage() {
        try {
            return Arrays.stream(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" "))
                    .limit(3).reduce((a, b) -> a + ", " + b).orElse("?");
        } catch (Exception e) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** Samples platform threads and used heap every 50 ms. */
    private static final class Peaks {
        final AtomicLong heap = new AtomicLong();
        final java.util.concurrent.atomic.AtomicInteger threads = new java.util.concurrent.atomic.AtomicInteger();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private Thread sampler;

        void start() {
            sampler = Thread.ofPlatform().daemon().name("peaks").start(() -> {
                while (running.get()) {
                    heap.accumulateAndGet(usedHeap(), Math::max);
                    threads.accumulateAndGet(ManagementFactory.getThreadMXBean().getThreadCount()
                            - CLIENT_THREADS.get(), Math::max);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        void stop() throws InterruptedException {
            running.set(false);
            sampler.join();
        }
    }
}
