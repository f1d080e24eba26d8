package io.github.asynccookbook.chapter04;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.Providers;
import io.github.asynccookbook.report.ConsoleTable;
import io.github.asynccookbook.report.Durations;
import io.github.asynccookbook.report.LatencyHistogram;
import io.github.asynccookbook.simulator.ModelProfile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;

/** Many concurrent streams per provider, after a warm-up call: TTFT, inter-token latency and total time percentiles. */
@Command(name = "_04_TtftPercentiles", mixinStandardHelpOptions = true,
        description = "Run N concurrent streams per provider and print TTFT / ITL / TPOT / total percentiles.")
public final class _04_TtftPercentiles implements Callable<Integer> {

    @Mixin
    ExampleOptions options;

    @Option(names = "--streams", defaultValue = "20", paramLabel = "N",
            description = "Concurrent streams per provider (default: ${DEFAULT-VALUE}).")
    int streams;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new _04_TtftPercentiles()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        requirePositive(spec, streams);
        Providers.runMain(() -> run(options.providers(), options.prompt, streams));
        return 0;
    }

    static void requirePositive(CommandSpec spec, int streams) {
        if (streams < 1) {
            throw new ParameterException(spec.commandLine(), "--streams must be at least 1, got " + streams);
        }
    }

    static void run(List<Provider> providers, String prompt, int streams) {
        for (Provider provider : providers) {
            StreamingChatModel model = provider.streamingChatModel();
            ChatRequest request = ChatRequest.builder().messages(UserMessage.from(prompt)).build();
            StreamingFlux.stream(model, request).blockLast();          // warm-up: JIT, class loading, connection
            long startNanos = System.nanoTime();
            Measured measured = measure(model, request, streams);
            System.out.printf("%n-- %s (%s): %d concurrent streams, %d failed --%n", provider.displayName(),
                    provider.modelName(), streams, measured.failed());
            measured.failures().forEach((error, count) -> System.out.printf("   %d x %s%n", count, error));
            System.out.print(table(measured, provider, startNanos).render());
            System.out.printf(Locale.ROOT, "mean output speed per stream: %.1f tokens/s (TTFT included)%n",
                    measured.tokensPerSecond());
        }
    }

    /** The histograms of one provider's run, and the failures by exception type. */
    record Measured(LatencyHistogram ttft, LatencyHistogram interToken, LatencyHistogram tpot,
                    LatencyHistogram total, double tokensPerSecond, Map<String, Long> failures) {

        long failed() {
            return failures.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    // tag::measure[]
    static Measured measure(StreamingChatModel model, ChatRequest request, int streams) {
        Map<String, Long> failures = new ConcurrentSkipListMap<>();
        List<StreamTiming> timings = Flux.range(0, streams)
                .flatMap(i -> timed(model, request).onErrorResume(error -> {
                    failures.merge(error.getClass().getSimpleName(), 1L, Long::sum);   // counted, not thrown
                    return Mono.empty();
                }), streams)                                           // all N streams at once
                .collectList()
                .block();
        var ttft = new LatencyHistogram();
        var interToken = new LatencyHistogram();
        var tpot = new LatencyHistogram();
        var total = new LatencyHistogram();
        for (StreamTiming timing : timings) {
            ttft.record(timing.ttft());
            timing.interChunkGaps().forEach(interToken::record);      // every gap, as vLLM's ITL
            tpot.record(timing.timePerOutputToken());
            total.record(timing.total());
        }
        double tokensPerSecond = timings.stream().mapToDouble(StreamTiming::tokensPerSecond).average().orElse(0);
        return new Measured(ttft, interToken, tpot, total, tokensPerSecond, failures);
    }

    private static Mono<StreamTiming> timed(StreamingChatModel model, ChatRequest request) {
        var meter = new TtftMeter();
        return StreamingFlux.stream(model, request, meter)
                .then(Mono.fromSupplier(() -> meter.timing().orElseThrow()));
    }
    // end::measure[]

    private static ConsoleTable table(Measured measured, Provider provider, long startNanos) {
        var table = new ConsoleTable("Metric", "p50", "p90", "p99", "mean", "max");
        row(table, "TTFT", measured.ttft());
        row(table, "ITL (per chunk)", measured.interToken());
        row(table, "TPOT", measured.tpot());
        row(table, "Total", measured.total());
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
