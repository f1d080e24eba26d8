package io.github.asynccookbook.chapter01;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.harness.ProviderOptions;
import io.github.asynccookbook.harness.Timed;
import io.github.asynccookbook.recipes.AsyncChat;
import io.github.asynccookbook.report.ConsoleTable;
import io.github.asynccookbook.report.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import static io.github.asynccookbook.chapter01._02_LoopVersusConcurrent.REQUEST;

/**
 * Async and blocking code calling each other: sync code waits for an async answer with {@code join()} or
 * {@code block()}; async code hands a blocking call to threads meant to block instead of running it on the thread
 * that completed the previous step.
 */
@Command(name = "_04_AsyncAndBlockingTogether", mixinStandardHelpOptions = true,
        description = "Async from sync (join, block) and blocking from async (thenApplyAsync, publishOn), with the threads that waited.")
public final class _04_AsyncAndBlockingTogether implements Callable<Integer> {

    static final String FOLLOW_UP = "Summarise this in one sentence: ";

    // tag::asyncFromSync[]
    static ChatResponse joinFromSyncCode(StreamingChatModel model, ChatRequest request) {
        return AsyncChat.chatAsync(model, request).join(); // this thread waits here, and only here
    }

    static ChatResponse blockFromSyncCode(StreamingChatModel model, ChatRequest request) {
        return Mono.fromFuture(() -> AsyncChat.chatAsync(model, request)).block();
    }
    // end::asyncFromSync[]

    // tag::blockingFromAsync[]
    static CompletableFuture<String> followUpOffloaded(StreamingChatModel streaming, ChatModel chat,
                                                      ChatRequest request, Executor blockingWork) {
        return AsyncChat.chatAsync(streaming, request)
                .thenApplyAsync(answer -> chat.chat(FOLLOW_UP + answer.aiMessage().text()), blockingWork);
    }

    static Mono<String> followUpOnBoundedElastic(StreamingChatModel streaming, ChatModel chat, ChatRequest request) {
        return Mono.fromFuture(() -> AsyncChat.chatAsync(streaming, request))
                .publishOn(Schedulers.boundedElastic()) // the next steps run where blocking is allowed
                .map(answer -> chat.chat(FOLLOW_UP + answer.aiMessage().text()));
    }
    // end::blockingFromAsync[]

    // tag::blockingOnTheStreamThread[]
    static CompletableFuture<String> followUpOnTheStreamThread(StreamingChatModel streaming, ChatModel chat,
                                                              ChatRequest request) {
        return AsyncChat.chatAsync(streaming, request) // completed by LangChain4j's stream thread...
                .thenApply(answer -> chat.chat(FOLLOW_UP + answer.aiMessage().text())); // ...which now blocks here
    }
    // end::blockingOnTheStreamThread[]

    @Mixin
    ProviderOptions providers;

    public static void main(String[] args) {
        ChapterCli.exit(new _04_AsyncAndBlockingTogether(), args);
    }

    @Override
    public Integer call() {
        for (var provider : providers.providers()) {
            var models = ProviderModels.of(provider);
            ChatModel chat = models.chat();
            StreamingChatModel streaming = models.streaming();
            try (var virtualThreads = Executors.newVirtualThreadPerTaskExecutor()) {
                var table = new ConsoleTable("Pattern", "Wall", "Threads that waited");
                row(table, models, "join() a chatAsync future",
                        () -> joinFromSyncCode(streaming, REQUEST).aiMessage().text());
                row(table, models, "block() a Mono", () -> blockFromSyncCode(streaming, REQUEST).aiMessage().text());
                row(table, models, "thenApplyAsync(blocking chat, virtual)",
                        () -> followUpOffloaded(streaming, chat, REQUEST, virtualThreads).join());
                row(table, models, "publishOn(boundedElastic).map(blocking chat)",
                        () -> followUpOnBoundedElastic(streaming, chat, REQUEST).block());
                row(table, models, "thenApply(blocking chat) - don't",
                        () -> followUpOnTheStreamThread(streaming, chat, REQUEST).join());
                System.out.printf("%n%s:%n%s", models.name(), table.render());
            }
        }
        return 0;
    }

    private static void row(ConsoleTable table, ProviderModels models, String pattern, Supplier<String> run) {
        models.waiters().takeCensus();
        var timed = Timed.run(run);
        table.row(pattern, Durations.seconds(timed.elapsed()), models.waiters().takeCensus().describe());
    }
}
