package io.github.asynccookbook.chapter05;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.harness.ProviderOptions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.recipes.AsyncChat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * The source benchmark transcribed line by line, nothing added: a loop of awaited calls, then all calls gathered,
 * timed with a monotonic clock. No warm-up, no retries, one run: {@link Main} adds what a benchmark needs.
 */
@Command(name = "_01_SourceBenchmark", mixinStandardHelpOptions = true,
        description = "The source benchmark as is: sequential then concurrent, five topics, per provider.")
public final class _01_SourceBenchmark implements Callable<Integer> {

    // tag::prompt[]
    static final String SYSTEM_PROMPT = "You are a helpful assistant.";
    static final String USER_PROMPT = "Give 3 bullet points about: %s";
    static final List<String> TOPICS = List.of(
            "RAG vs fine-tuning",
            "What is LCEL?",
            "Token streaming use-cases",
            "Async in Python for LLM apps",
            "Batching requests");

    /** {@code prompt.format_messages(topic=...)}: the system message, then the human one. */
    static ChatRequest request(String topic) {
        return ChatRequest.builder()
                .messages(SystemMessage.from(SYSTEM_PROMPT), UserMessage.from(USER_PROMPT.formatted(topic)))
                .build();
    }
    // end::prompt[]

    // tag::bench[]
    static String bench(StreamingChatModel model, String name) {
        List<ChatRequest> requests = TOPICS.stream().map(_01_SourceBenchmark::request).toList();

        long t0 = System.nanoTime();                                     // t0 = time.perf_counter()
        for (ChatRequest request : requests) {                           // for t in topics:
            AsyncChat.chatAsync(model, request).join();                  //     await chain.ainvoke(...)
        }
        double sequential = (System.nanoTime() - t0) / 1e9;

        t0 = System.nanoTime();
        CompletableFuture.allOf(requests.stream()                        // await asyncio.gather(
                        .map(request -> AsyncChat.chatAsync(model, request)) //     *[chain.ainvoke(...) ...])
                        .toArray(CompletableFuture[]::new))
                .join();
        double concurrent = (System.nanoTime() - t0) / 1e9;

        return block(name, sequential, concurrent);
    }

    /** The source's three print lines, character for character, so the two runs compare line by line. */
    static String block(String provider, double sequentialSeconds, double concurrentSeconds) {
        return String.format(Locale.ROOT, """
                ===== %s (ASYNC BENCH) =====
                Sequential time: %.3fs
                Concurrent time: %.3fs
                Speedup: %.2fx
                """, provider, sequentialSeconds, concurrentSeconds, sequentialSeconds / concurrentSeconds);
    }
    // end::bench[]

    @Mixin
    ProviderOptions providers;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        ChapterCli.exit(new _01_SourceBenchmark(), args);
    }

    @Override
    public Integer call() {
        for (Provider provider : providers.providers()) {
            spec.commandLine().getOut().print(System.lineSeparator()
                    + bench(provider.streamingChatModel(), provider.displayName()));
        }
        return 0;
    }
}
