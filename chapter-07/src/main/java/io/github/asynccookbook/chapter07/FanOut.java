package io.github.asynccookbook.chapter07;

import io.github.asynccookbook.recipes.SafeInvoke;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.Simulator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Runs {@code calls} answers {@code concurrency} at a time and books how each one ended: an answer or a typed
 * failure, exactly once (else it is lost, or duplicated), its latency, and what the simulator saw meanwhile.
 */
final class FanOut {

    /** One run's books. {@code endings[i]}: how many times call i ended (answer or failure); 1 is right. */
    record Tally(String name, int calls, int answers, Map<String, Integer> failures, int lost, int duplicated,
                 long p50Millis, long p99Millis, long wallMillis, int requests, Map<Integer, Long> statuses,
                 long disconnects) {

        int typedFailures() {
            return failures.values().stream().mapToInt(Integer::intValue).sum();
        }

        int ended() {
            return answers + typedFailures();
        }
    }

    private FanOut() {
    }

    static Tally run(String name, Simulator simulator, int calls, int concurrency, Duration patience,
                     IntFunction<Mono<String>> call) {
        var endings = new AtomicIntegerArray(calls);
        var answered = new AtomicIntegerArray(calls);
        var millis = new AtomicLongArray(calls);
        var failures = new ConcurrentHashMap<String, Integer>();
        long start = System.nanoTime();
        Flux.range(0, calls)
                .flatMap(i -> {
                    long begin = System.nanoTime();
                    Runnable ended = () -> {
                        endings.incrementAndGet(i);
                        millis.set(i, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
                    };
                    return call.apply(i)
                            .doOnNext(text -> answered.incrementAndGet(i))
                            .doOnSuccess(textOrEmpty -> ended.run())   // an answer, or completion without one
                            .doOnError(error -> {
                                failures.merge(kind(error), 1, Integer::sum);
                                ended.run();
                            })
                            .onErrorResume(error -> Mono.empty());   // a cancel (the patience ran out) ends nothing
                }, concurrency)
                .take(patience)   // a call still running then is lost: cancelled, never ended
                .blockLast();
        long end = System.nanoTime();
        long wall = TimeUnit.NANOSECONDS.toMillis(end - start);
        awaitQuiet(simulator);
        int answers = 0;
        int lost = 0;
        int duplicated = 0;
        for (int i = 0; i < calls; i++) {
            answers += Math.min(1, answered.get(i));
            lost += endings.get(i) == 0 ? 1 : 0;
            duplicated += answered.get(i) > 1 || endings.get(i) > 1 ? 1 : 0;
        }
        List<Long> latencies = IntStream.range(0, calls).filter(i -> endings.get(i) > 0)
                .mapToObj(millis::get).sorted().toList();
        double from = simulator.millisAt(start);
        double to = simulator.millisAt(end);
        List<RequestRecord> requests = simulator.stats().requests().stream()   // the ones that arrived in this run
                .filter(r -> r.arrivalMillis() >= from && r.arrivalMillis() <= to).toList();
        return new Tally(name, calls, answers, new TreeMap<>(failures), lost, duplicated,
                percentile(latencies, 0.50), percentile(latencies, 0.99), wall, requests.size(),
                requests.stream().collect(Collectors.groupingBy(RequestRecord::status, TreeMap::new,
                        Collectors.counting())),
                requests.stream().filter(RequestRecord::clientDisconnected).count());
    }

    /** "HttpError 503", "Timeout", "Failure RuntimeException": the kind of failure, the way safeInvoke sorts it. */
    static String kind(Throwable error) {
        return switch (SafeInvoke.classify(error)) {
            case SafeInvoke.HttpError http -> "HttpError " + http.status();
            case SafeInvoke.Timeout timeout -> "Timeout";
            case SafeInvoke.Failure failure -> "Failure " + failure.cause().getClass().getSimpleName();
            case SafeInvoke.Answer answer -> "Answer";
        };
    }

    static long percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.max(0, Math.ceil(p * sorted.size()) - 1));
    }

    private static void awaitQuiet(Simulator simulator) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (simulator.stats().inFlight() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The two runs side by side. */
    static String table(Tally naive, Tally resilient) {
        var rows = new java.util.LinkedHashMap<String, String[]>();
        rows.put("calls", new String[]{"%,d".formatted(naive.calls()), "%,d".formatted(resilient.calls())});
        rows.put("ended exactly once", new String[]{"%,d".formatted(naive.calls() - naive.lost() - naive.duplicated()),
                "%,d".formatted(resilient.calls() - resilient.lost() - resilient.duplicated())});
        rows.put("answers", new String[]{"%,d".formatted(naive.answers()), "%,d".formatted(resilient.answers())});
        rows.put("typed failures", new String[]{"%,d".formatted(naive.typedFailures()),
                "%,d".formatted(resilient.typedFailures())});
        var kinds = new java.util.TreeSet<String>(naive.failures().keySet());
        kinds.addAll(resilient.failures().keySet());
        for (String kind : kinds) {
            rows.put("  " + kind, new String[]{"%,d".formatted(naive.failures().getOrDefault(kind, 0)),
                    "%,d".formatted(resilient.failures().getOrDefault(kind, 0))});
        }
        rows.put("lost (never ended)", new String[]{"%,d".formatted(naive.lost()), "%,d".formatted(resilient.lost())});
        rows.put("duplicated", new String[]{"%,d".formatted(naive.duplicated()),
                "%,d".formatted(resilient.duplicated())});
        rows.put("latency p50", new String[]{"%,d ms".formatted(naive.p50Millis()),
                "%,d ms".formatted(resilient.p50Millis())});
        rows.put("latency p99", new String[]{"%,d ms".formatted(naive.p99Millis()),
                "%,d ms".formatted(resilient.p99Millis())});
        rows.put("wall time", new String[]{"%,.1f s".formatted(naive.wallMillis() / 1000.0),
                "%,.1f s".formatted(resilient.wallMillis() / 1000.0)});
        rows.put("simulator: requests", new String[]{"%,d".formatted(naive.requests()),
                "%,d".formatted(resilient.requests())});
        rows.put("simulator: by status", new String[]{statuses(naive), statuses(resilient)});
        rows.put("simulator: client disconnects", new String[]{"%,d".formatted(naive.disconnects()),
                "%,d".formatted(resilient.disconnects())});
        var out = new StringBuilder("%-30s  %-32s  %s%n".formatted("", naive.name(), resilient.name()));
        rows.forEach((label, values) -> out.append("%-30s  %-32s  %s%n".formatted(label, values[0], values[1])));
        return out.toString();
    }

    private static String statuses(Tally tally) {
        return tally.statuses().entrySet().stream()
                .map(e -> (e.getKey() == 0 ? "none" : e.getKey()) + ": " + "%,d".formatted(e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
