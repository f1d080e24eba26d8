package io.github.asynccookbook.chapter01;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.harness.GroundTruth;
import io.github.asynccookbook.harness.ProviderOptions;
import io.github.asynccookbook.harness.Timed;
import io.github.asynccookbook.report.ConsoleTable;
import io.github.asynccookbook.report.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

/**
 * The "Async LLM Responses" challenge: N requests in a loop, then the same N at once. A call spends almost all of
 * its time waiting for the provider, so waiting for N at the same time takes about as long as waiting for one.
 */
@Command(name = "_02_LoopVersusConcurrent", mixinStandardHelpOptions = true,
        description = "N requests in a loop, then the same N concurrently on virtual threads, timed.")
public final class _02_LoopVersusConcurrent implements Callable<Integer> {

    // tag::loop[]
    static List<ChatResponse> inALoop(ChatModel model, ChatRequest request, int requests) {
        var answers = new ArrayList<ChatResponse>();
        for (int i = 0; i < requests; i++) {
            answers.add(model.chat(request)); // the next request waits for this answer
        }
        return answers;
    }
    // end::loop[]

    // tag::concurrent[]
    static List<ChatResponse> concurrently(ChatModel model, ChatRequest request, int requests) {
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<ChatResponse>> answers = IntStream.range(0, requests)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> model.chat(request), executor))
                    .toList(); // all requests are on their way before we wait for the first answer
            return answers.stream().map(CompletableFuture::join).toList();
        }
    }
    // end::concurrent[]

    /** The question every example of the chapter asks. */
    static final ChatRequest REQUEST = ChatRequest.builder().messages(UserMessage.from(_01_FirstCall.QUESTION)).build();

    /** Both runs for one provider. */
    record Comparison(String provider, Timed<List<ChatResponse>> loop, Timed<List<ChatResponse>> concurrent,
                      String inFlight) {
    }

    @Mixin
    ProviderOptions providers;

    @Mixin
    RequestCount requests;

    public static void main(String[] args) {
        ChapterCli.exit(new _02_LoopVersusConcurrent(), args);
    }

    @Override
    public Integer call() {
        var comparisons = new ArrayList<Comparison>();
        for (var provider : providers.providers()) {
            comparisons.add(compare(ProviderModels.of(provider), requests.value));
        }
        System.out.println();
        print(comparisons, requests.value, System.out);
        return 0;
    }

    static Comparison compare(ProviderModels models, int requests) {
        var loop = Timed.run(() -> inALoop(models.chat(), REQUEST, requests));
        var concurrent = Timed.run(() -> concurrently(models.chat(), REQUEST, requests));
        String inFlight = models.provider().simulator().isEmpty() ? "- (live)"
                : GroundTruth.peakInFlightDuring(models.provider(), loop) + " / "
                + GroundTruth.peakInFlightDuring(models.provider(), concurrent);
        return new Comparison(models.name(), loop, concurrent, inFlight);
    }

    static void print(List<Comparison> comparisons, int requests, PrintStream out) {
        var table = new ConsoleTable("Provider", "Loop", "Concurrent", "Speedup", "In flight (simulator)");
        comparisons.forEach(c -> table.row(c.provider(), Durations.seconds(c.loop().elapsed()),
                Durations.seconds(c.concurrent().elapsed()), Durations.times(c.concurrent().speedupOver(c.loop())),
                c.inFlight()));
        out.printf("%d requests, one at a time in a loop, then all at once on virtual threads:%n", requests);
        out.print(table.render());
    }
}
