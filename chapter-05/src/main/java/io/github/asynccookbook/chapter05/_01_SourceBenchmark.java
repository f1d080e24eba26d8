package io.github.asynccookbook.chapter05;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.github.asynccookbook.chapter01.AsyncChat;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.Providers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * The source benchmark transcribed line by line, nothing added: a loop of awaited calls, then all calls gathered,
 * timed with a monotonic clock. No warm-up, no retries, one run: {@link Main} adds what a benchmark needs.
 */
@Command(name = "_01_SourceBenchmark", mixinStandardHelpOptions = true,
        description = "The source benchmark as is: sequential then concurrent, five topics, per provider.")
public final class _01_SourceBenchmark implements Callable<Integer> {

    @Mixin
    ProviderChoice providers;

    public static void main(String[] args) {
        System.exit(Cli.execute(new _01_SourceBenchmark(), System.out, System.err, args));
    }

    @Override
    public Integer call() {
        try {
            for (Provider provider : Providers.select(providers.name())) {
                System.out.print(System.lineSeparator()
                        + bench(provider.streamingChatModel(), provider.displayName()));
            }
        } finally {
            Providers.close();                               // stop the simulator so the JVM can exit
        }
        return 0;
    }

    // tag::bench[]
    static String bench(StreamingChatModel model, String name) {
        List<ChatRequest> requests = Workload.source().chatRequests();

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

        return SeedBlock.of(name, sequential, concurrent);
    }
    // end::bench[]
}
