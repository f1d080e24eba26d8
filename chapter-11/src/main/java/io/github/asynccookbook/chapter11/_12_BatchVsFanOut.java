package io.github.asynccookbook.chapter11;

import dev.langchain4j.model.batch.BatchItemResult;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.github.asynccookbook.harness.Bounds;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.harness.GroundTruth;
import io.github.asynccookbook.harness.ProviderOptions;
import io.github.asynccookbook.harness.Timed;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.recipes.Batch;
import io.github.asynccookbook.simulator.RequestRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * The same prompts twice per provider: as one batch job, and as chapter 02's online fan-out (every call at once,
 * capped at {@code --concurrency}). One table: wall time, HTTP requests sent, 429s, answers, tokens and the cost at
 * the published prices (batch = half).
 */
@Command(name = "_12_BatchVsFanOut", mixinStandardHelpOptions = true,
        description = "The same prompts as one batch job and as an online fan-out: time, requests, 429s, cost.")
public final class _12_BatchVsFanOut implements Callable<Integer> {

    /** One row of the table. */
    record Row(String provider, String way, Duration wall, long requests, String rateLimited, long answered,
               long failed, TokenUsage usage, Optional<Double> dollars) {
    }

    @Mixin
    ProviderOptions providers;

    @Option(names = "--generated", paramLabel = "N", defaultValue = "10000",
            description = "Generated prompts added to the 12 benchmark ones (default: ${DEFAULT-VALUE}).")
    int generated = 10_000;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "64",
            description = "Online calls in flight at most (default: ${DEFAULT-VALUE}).")
    int concurrency = 64;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        ChapterCli.exit(new _12_BatchVsFanOut(), args);
    }

    @Override
    public Integer call() throws Exception {
        Bounds.require(spec, "--generated", generated, 0, 100_000);
        Bounds.require(spec, "--concurrency", concurrency, 1, 1_024);
        List<Row> rows = new ArrayList<>();
        for (Provider provider : providers.providers()) {
            rows.addAll(compare(provider, generated, concurrency));
        }
        print(rows);
        return 0;
    }

    static List<Row> compare(Provider provider, int generated, int concurrency) throws Exception {
        Path jobs = Files.createTempFile("chapter11-compare", ".properties");
        try {
            _11_Batch.Outcome batch = _11_Batch.run(provider, generated, new BatchJobFile(jobs),
                    _11_Batch.Action.COLLECT, Duration.ofSeconds(60));
            return List.of(batchRow(provider, batch), fanOutRow(provider, batch.prompts(), concurrency));
        } finally {
            Files.deleteIfExists(jobs);
        }
    }

    /** HTTP requests of a batch job: one submit and one GET per poll (Mistral adds one download per result file). */
    private static Row batchRow(Provider provider, _11_Batch.Outcome batch) {
        List<ChatResponse> answers = batch.slots().stream().flatMap(Optional::stream)
                .filter(BatchItemResult::isSuccess).map(BatchItemResult::response).toList();
        long failed = batch.slots().stream().flatMap(Optional::stream).filter(r -> !r.isSuccess()).count();
        TokenUsage usage = total(answers);
        long downloads = provider.protocol() == io.github.asynccookbook.simulator.Protocol.MISTRAL
                ? (answers.isEmpty() ? 0 : 1) + (failed == 0 ? 0 : 1) : 0;
        return new Row(provider.displayName(), "batch job", batch.elapsed(), 1 + batch.polls() + downloads, "0",
                answers.size(), failed, usage, BatchPrices.batch(provider.modelName(), usage));
    }

    private static Row fanOutRow(Provider provider, List<String> prompts, int concurrency) {
        ChatModel model = provider.chatModel();
        List<ChatRequest> requests = BatchPrompts.requests(prompts);
        Timed<List<Batch.Outcome<ChatResponse>>> run = Timed.run(() -> Batch.of(requests)
                .maxConcurrency(concurrency).returnExceptions(true).run(model::chat));
        List<ChatResponse> answers = run.value().stream()
                .flatMap(o -> o instanceof Batch.Outcome.Success<ChatResponse> s ? Stream.of(s.value()) : Stream.empty())
                .toList();
        Optional<List<RequestRecord>> seen = GroundTruth.requestsDuring(provider, run.startNanos(), run.endNanos());
        long requestsSent = seen.map(List::size).orElse(requests.size());
        String rateLimited = seen.map(r -> String.valueOf(r.stream().filter(x -> x.status() == 429).count()))
                .orElse("?");
        TokenUsage usage = total(answers);
        return new Row(provider.displayName(), "online fan-out x" + concurrency, run.elapsed(),
                requestsSent, rateLimited, answers.size(), requests.size() - answers.size(), usage,
                BatchPrices.online(provider.modelName(), usage));
    }

    private static TokenUsage total(List<ChatResponse> answers) {
        return answers.stream().map(ChatResponse::tokenUsage).reduce(new TokenUsage(0, 0), TokenUsage::add);
    }

    static void print(List<Row> rows) {
        System.out.printf("%n%-8s %-20s %9s %9s %6s %9s %7s %12s %10s%n", "provider", "way", "wall s", "requests",
                "429s", "answered", "failed", "tokens in/out", "cost $");
        for (Row row : rows) {
            System.out.printf("%-8s %-20s %9.1f %,9d %6s %,9d %,7d %12s %10s%n", row.provider(), row.way(),
                    row.wall().toMillis() / 1000.0, row.requests(), row.rateLimited(), row.answered(), row.failed(),
                    row.usage().inputTokenCount() / 1000 + "k/" + row.usage().outputTokenCount() / 1000 + "k",
                    row.dollars().map(d -> String.format("%.4f", d)).orElse("n/a"));
        }
    }
}
