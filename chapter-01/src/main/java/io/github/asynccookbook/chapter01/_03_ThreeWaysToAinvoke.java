package io.github.asynccookbook.chapter01;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.harness.GroundTruth;
import io.github.asynccookbook.harness.ProviderOptions;
import io.github.asynccookbook.harness.Timed;
import io.github.asynccookbook.recipes.AsyncChat;
import io.github.asynccookbook.report.ConsoleTable;
import io.github.asynccookbook.report.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static io.github.asynccookbook.chapter01._02_LoopVersusConcurrent.REQUEST;

/**
 * Java's ways to write LangChain's {@code ainvoke}, run side by side on the same N requests: they take the same
 * time, and differ in which threads wait for the answers.
 */
@Command(name = "_03_ThreeWaysToAinvoke", mixinStandardHelpOptions = true,
        description = "N concurrent requests four ways: virtual threads, chatAsync, and two Reactor Monos.")
public final class _03_ThreeWaysToAinvoke implements Callable<Integer> {

    // tag::chatAsync[]
    static List<ChatResponse> withChatAsync(StreamingChatModel model, ChatRequest request, int requests) {
        List<CompletableFuture<ChatResponse>> answers = IntStream.range(0, requests)
                .mapToObj(i -> AsyncChat.chatAsync(model, request)) // returns at once, nothing of ours waits
                .toList();
        return answers.stream().map(CompletableFuture::join).toList();
    }
    // end::chatAsync[]

    // tag::monoOnBoundedElastic[]
    static List<ChatResponse> withMonoOnBoundedElastic(ChatModel model, ChatRequest request, int requests) {
        return Flux.range(0, requests)
                .flatMap(i -> Mono.fromCallable(() -> model.chat(request))
                        .subscribeOn(Schedulers.boundedElastic())) // a pool built for blocking calls
                .collectList()
                .block();
    }
    // end::monoOnBoundedElastic[]

    // tag::monoFromFuture[]
    static List<ChatResponse> withMonoFromFuture(StreamingChatModel model, ChatRequest request, int requests) {
        return Flux.range(0, requests)
                .flatMap(i -> Mono.fromFuture(() -> AsyncChat.chatAsync(model, request))) // lazy: sent on subscribe
                .collectList()
                .block();
    }
    // end::monoFromFuture[]

    /** One way to run N calls at once, given a provider's models. */
    enum Way {
        VIRTUAL_THREADS("virtual threads + chat()"),
        CHAT_ASYNC("AsyncChat.chatAsync (streaming)"),
        MONO_ON_BOUNDED_ELASTIC("Mono.fromCallable(chat) on boundedElastic"),
        MONO_FROM_FUTURE("Mono.fromFuture(chatAsync)");

        final String label;

        Way(String label) {
            this.label = label;
        }

        List<ChatResponse> run(ProviderModels models, ChatRequest request, int requests) {
            return switch (this) {
                case VIRTUAL_THREADS -> _02_LoopVersusConcurrent.concurrently(models.chat(), request, requests);
                case CHAT_ASYNC -> withChatAsync(models.streaming(), request, requests);
                case MONO_ON_BOUNDED_ELASTIC -> withMonoOnBoundedElastic(models.chat(), request, requests);
                case MONO_FROM_FUTURE -> withMonoFromFuture(models.streaming(), request, requests);
            };
        }
    }

    /** One way's run: its time, the simulator's peak of requests in flight, and the threads that waited. */
    record Outcome(Way way, Timed<List<ChatResponse>> run, String inFlight, WaitingThreads.Census waiters) {
    }

    @Mixin
    ProviderOptions providers;

    @Mixin
    RequestCount requests;

    public static void main(String[] args) {
        ChapterCli.exit(new _03_ThreeWaysToAinvoke(), args);
    }

    @Override
    public Integer call() {
        for (var provider : providers.providers()) {
            var models = ProviderModels.of(provider);
            print(models.name(), compare(models, requests.value), requests.value, System.out);
        }
        return 0;
    }

    static List<Outcome> compare(ProviderModels models, int requests) {
        models.waiters().takeCensus();
        return Stream.of(Way.values()).map(way -> {
            var run = Timed.run(() -> way.run(models, REQUEST, requests));
            String inFlight = GroundTruth.peakInFlightDuring(models.provider(), run);
            return new Outcome(way, run, inFlight, models.waiters().takeCensus());
        }).toList();
    }

    static void print(String provider, List<Outcome> outcomes, int requests, PrintStream out) {
        var table = new ConsoleTable("Way", "Wall", "In flight", "Threads that waited", "Platform");
        outcomes.forEach(o -> table.row(o.way().label, Durations.seconds(o.run().elapsed()), o.inFlight(),
                o.waiters().describe(), o.waiters().platform()));
        out.printf("%n%s, %d requests at once, four ways:%n", provider, requests);
        out.print(table.render());
    }
}
