package io.github.asynccookbook.chapter01;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.harness.ProviderOptions;
import io.github.asynccookbook.harness.Timed;
import io.github.asynccookbook.report.ConsoleTable;
import io.github.asynccookbook.report.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static io.github.asynccookbook.chapter01._02_LoopVersusConcurrent.REQUEST;

/**
 * Why one model instance serves every call: each LangChain4j model owns a JDK {@code HttpClient}, with its own
 * connection pool and selector thread. A model per call pays a new client, new connections (a TLS handshake each
 * when live) and a thread that lingers until the garbage collector finds the client.
 */
@Command(name = "_06_OneModelForAllCalls", mixinStandardHelpOptions = true,
        description = "N concurrent calls with one shared model, then with a new model per call: HTTP clients created.")
public final class _06_OneModelForAllCalls implements Callable<Integer> {

    // tag::oneOrMany[]
    /** {@code () -> model} shares one model between all calls; {@code builder::build} would make one per call. */
    static List<ChatResponse> concurrently(Supplier<ChatModel> models, ChatRequest request, int requests) {
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var answers = IntStream.range(0, requests)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> models.get().chat(request), executor))
                    .toList();
            return answers.stream().map(CompletableFuture::join).toList();
        }
    }
    // end::oneOrMany[]

    @Mixin
    ProviderOptions providers;

    @Mixin
    RequestCount requests;

    public static void main(String[] args) {
        ChapterCli.exit(new _06_OneModelForAllCalls(), args);
    }

    @Override
    public Integer call() {
        for (var provider : providers.providers()) {
            ChatModel shared = provider.chatModel();
            shared.chat(REQUEST); // warm-up: class loading and JIT would slow the first row down
            var table = new ConsoleTable("Models", "Wall", "New HTTP client threads");
            row(table, "one shared model", () -> concurrently(() -> shared, REQUEST, requests.value));
            row(table, "a new model per call", () -> concurrently(provider::chatModel, REQUEST, requests.value));
            System.out.printf("%n%s, %d requests at once:%n%s", provider.displayName(), requests.value, table.render());
        }
        return 0;
    }

    private static void row(ConsoleTable table, String label, Runnable run) {
        long before = selectorThreads();
        var timed = Timed.run(() -> {
            run.run();
            return selectorThreads();
        });
        table.row(label, Durations.seconds(timed.elapsed()), timed.value() - before);
    }

    /** Each JDK {@code HttpClient} runs one thread named {@code HttpClient-N-SelectorManager} while it is alive. */
    static long selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().matches("HttpClient-\\d+-SelectorManager"))
                .count();
    }
}
