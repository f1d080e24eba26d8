package io.github.asynccookbook.chapter04;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.github.asynccookbook.harness.AllRequestsFailedException;
import io.github.asynccookbook.harness.Bounds;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.harness.ProviderOptions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.recipes.StreamingFlux;
import io.github.asynccookbook.recipes.TtftMeter;
import io.github.asynccookbook.report.ConsoleTable;
import io.github.asynccookbook.report.Durations;
import io.github.asynccookbook.report.LatencyHistogram;
import io.github.asynccookbook.simulator.ModelProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Many concurrent streams per provider, after a warm-up call: TTFT, inter-token latency and total time percentiles. */
@Command(name = "_04_TtftPercentiles", mixinStandardHelpOptions = true,
        description = "Run N concurrent streams per provider and print TTFT / ITL / TPOT / total percentiles.")
public final class _04_TtftPercentiles implements Callable<Integer> {

    // tag::measure[]
    /** The timings of the streams that completed, and the failures of the others (kept, not thrown). */
    record Streams(List<TtftMeter.Timing> timings, List<Throwable> failures) {
    }

    static Streams streamAtOnce(StreamingChatModel model, ChatRequest request, int streams) {
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<TtftMeter.Timing> timings = Flux.range(0, streams)
                .flatMap(i -> timed(model, request).onErrorResume(error -> {
                    failures.add(error);                               // one failed stream ends nothing else
                    return Mono.empty();
                }), streams)                                           // all N streams at once
                .collectList()
                .block();
        return new Streams(timings, List.copyOf(failures));
    }

    private static Mono<TtftMeter.Timing> timed(StreamingChatModel model, ChatRequest request) {
        var meter = new TtftMeter();
        return StreamingFlux.stream(model, request, meter::start)
                .then(Mono.fromSupplier(() -> meter.timing().orElseThrow()));   // no text: no TTFT, a failure
    }
    // end::measure[]

    static final int MAX_STREAMS = 1_000;

    @Mixin
    ProviderOptions providers;

    @Mixin
    PromptOption prompt;

    @Option(names = "--streams", defaultValue = "20", paramLabel = "N",
            description = "Concurrent streams per provider (default: ${DEFAULT-VALUE}).")
    int streams;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        ChapterCli.exit(new _04_TtftPercentiles(), args);
    }

    @Override
    public Integer call() {
        String text = prompt.prompt();
        requireStreams(spec, streams);
        run(providers.providers(), text, streams);
        return 0;
    }

    static void requireStreams(CommandSpec spec, int streams) {
        Bounds.require(spec, "--streams", streams, 1, MAX_STREAMS);
    }

    static void run(List<Provider> providers, String prompt, int streams) {
        for (Provider provider : providers) {
            StreamingChatModel model = provider.streamingChatModel();
            ChatRequest request = ChatRequest.builder().messages(UserMessage.from(prompt)).build();
            StreamingFlux.stream(model, request).blockLast();          // warm-up: JIT, class loading, connection
            long startNanos = System.nanoTime();
            Streams measured = streamAtOnce(model, request, streams);
            System.out.printf("%n-- %s (%s): %d concurrent streams, %d failed --%n", provider.displayName(),
                    provider.modelName(), streams, measured.failures().size());
            if (measured.timings().isEmpty()) {
                throw new AllRequestsFailedException(provider.displayName(), streams, measured.failures().getFirst());
            }
            measured.failures().stream()
                    .collect(Collectors.groupingBy(error -> error.getClass().getSimpleName(), TreeMap::new,
                            Collectors.counting()))
                    .forEach((error, count) -> System.out.printf("   %d x %s%n", count, error));
            System.out.print(table(measured.timings(), provider, startNanos).render());
            System.out.printf(Locale.ROOT, "mean output speed per stream: %.1f tokens/s (TTFT included)%n",
                    measured.timings().stream().mapToDouble(TtftMeter.Timing::tokensPerSecond).average().orElse(0));
        }
    }

    /** Every TTFT, chunk gap, TPOT and total in HdrHistograms; then what the simulator applied, when simulated. */
    private static ConsoleTable table(List<TtftMeter.Timing> timings, Provider provider, long startNanos) {
        var ttft = new LatencyHistogram();
        var interToken = new LatencyHistogram();
        var tpot = new LatencyHistogram();
        var total = new LatencyHistogram();
        for (TtftMeter.Timing timing : timings) {
            ttft.record(timing.ttft());
            timing.interChunkGaps().forEach(interToken::record);      // every gap, as vLLM's ITL
            tpot.record(timing.timePerOutputToken());
            total.record(timing.total());
        }
        var table = new ConsoleTable("Metric", "p50", "p90", "p99", "mean", "max");
        row(table, "TTFT", ttft);
        row(table, "ITL (per chunk)", interToken);
        row(table, "TPOT", tpot);
        row(table, "Total", total);
        provider.simulator().ifPresent(simulator -> {
            var applied = new LatencyHistogram();
            double since = simulator.millisAt(startNanos);              // the warm-up call does not count
            simulator.stats().requests(provider.modelName()).stream()
                    .filter(r -> r.arrivalMillis() >= since && r.appliedTtftMillis() != null)
                    .forEach(r -> applied.recordNanos(Math.round(r.appliedTtftMillis() * 1e6)));
            row(table, "TTFT applied by simulator", applied);
            ModelProfile profile = simulator.config().models().get(provider.modelName());
            Duration median = simulator.config().scaled(profile.ttftMedian());
            table.row("TTFT profile median", Durations.millis(median), "-", "-", "-", "-");
        });
        return table;
    }

    private static void row(ConsoleTable table, String metric, LatencyHistogram histogram) {
        Function<Duration, String> ms = d -> String.format(Locale.ROOT, "%.1f ms", d.toNanos() / 1e6);
        table.row(metric, ms.apply(histogram.percentile(50)), ms.apply(histogram.percentile(90)),
                ms.apply(histogram.percentile(99)), ms.apply(histogram.mean()), ms.apply(histogram.max()));
    }
}
