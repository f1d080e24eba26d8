package io.github.asynccookbook.chapter04;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.Providers;
import io.github.asynccookbook.simulator.RequestRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Streams that break half way: a dropped connection reaches {@code onError}; a stalled one never would (LangChain4j's
 * timeout stops at the response headers), so a {@code timeout} on the Flux closes it.
 */
@Command(name = "_06_MidStreamFailures", mixinStandardHelpOptions = true,
        description = "A connection dropped mid-stream reaches onError; a stalled stream is closed by Flux.timeout.")
public final class _06_MidStreamFailures implements Callable<Integer> {

    /** The longest silence accepted between two chunks (and before the first) once the stream has started. */
    static final Duration STALL_LIMIT = Duration.ofSeconds(1);

    @Mixin
    ExampleOptions options;

    public static void main(String[] args) {
        System.exit(new CommandLine(new _06_MidStreamFailures()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Providers.runMain(() -> run(options.providers(), options.prompt));
        return 0;
    }

    static void run(List<Provider> providers, String prompt) {
        for (Provider provider : providers) {
            System.out.printf("%n-- %s (%s): failures mid-stream --%n", provider.displayName(), provider.modelName());
            if (provider.simulator().isEmpty()) {
                System.out.println("needs the simulator to inject the faults; skipped for a live provider");
                continue;
            }
            // tag::drop[]
            Flux<String> dropped = stream(provider, SimulatorHints.fault(provider, prompt, "drop-stream"));
            // end::drop[]
            report("dropped connection", dropped, provider);
            // tag::stall[]
            Flux<String> stalled = stream(provider, SimulatorHints.fault(provider, prompt, "stall-stream"))
                    .timeout(STALL_LIMIT);      // at most 1 s between chunks: on expiry it cancels, closing the stream
            // end::stall[]
            report("stalled stream", stalled, provider);
        }
    }

    private static Flux<String> stream(Provider provider, String prompt) {
        ChatRequest request = ChatRequest.builder().messages(UserMessage.from(prompt)).build();
        return StreamingFlux.stream(provider.streamingChatModel(), request);
    }

    private static void report(String fault, Flux<String> stream, Provider provider) {
        // tag::error[]
        var chunks = new AtomicInteger();
        stream.doOnNext(chunk -> chunks.incrementAndGet())
                .doOnError(error -> System.out.printf("%s: onError after %d chunk(s): %s: %s%n",
                        fault, chunks.get(), error.getClass().getName(), error.getMessage()))
                .onErrorComplete()                      // handled: the example goes on
                .blockLast();
        // end::error[]
        RequestRecord served = GroundTruth.latestFinished(provider).orElseThrow();
        System.out.printf("  simulator: sent %d of %d planned tokens (fault %s), client disconnect recorded: %s%n",
                served.tokensSent(), served.plannedTokens(), served.fault(), served.clientDisconnected() ? "yes" : "no");
    }
}
