package io.github.asynccookbook.chapter04;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.harness.Failures;
import io.github.asynccookbook.harness.GroundTruth;
import io.github.asynccookbook.harness.SimulatorHints;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.recipes.StreamingFlux;
import io.github.asynccookbook.simulator.RequestRecord;
import picocli.CommandLine.Command;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Streams that break half way: a dropped connection reaches {@code onError}; a stalled one never would (LangChain4j's
 * timeout stops at the response headers), so a {@code timeout} on the Flux closes it.
 */
@Command(name = "_06_MidStreamFailures", mixinStandardHelpOptions = true,
        description = "A connection dropped mid-stream reaches onError; a stalled stream is closed by Flux.timeout.")
public final class _06_MidStreamFailures extends StreamingExample {

    // tag::stall[]
    /** The longest silence accepted between two chunks (and before the first) once the stream has started. */
    static final Duration STALL_LIMIT = Duration.ofSeconds(1);

    static Flux<String> withStallLimit(Flux<String> answer) {
        return answer.timeout(STALL_LIMIT);      // at most 1 s between chunks: on expiry it cancels, closing the stream
    }
    // end::stall[]

    // tag::error[]
    /** How a stream ended: the chunks that arrived, then the error, if it broke. */
    record Ending(int chunks, Optional<Throwable> error) {
    }

    static Ending readToTheEnd(Flux<String> answer) {
        var chunks = new AtomicInteger();
        var error = new AtomicReference<Throwable>();
        answer.doOnNext(chunk -> chunks.incrementAndGet())   // an app shows each chunk here
                .doOnError(error::set)
                .onErrorComplete()                           // handled: the caller goes on
                .blockLast();
        return new Ending(chunks.get(), Optional.ofNullable(error.get()));
    }
    // end::error[]

    public static void main(String[] args) {
        ChapterCli.exit(new _06_MidStreamFailures(), args);
    }

    @Override
    void run(List<Provider> providers, String prompt) {
        for (Provider provider : providers) {
            System.out.printf("%n-- %s (%s): failures mid-stream --%n", provider.displayName(), provider.modelName());
            if (provider.simulator().isEmpty()) {
                System.out.println("needs the simulator to inject the faults; skipped for a live provider");
                continue;
            }
            StreamingChatModel model = provider.streamingChatModel();
            report("dropped connection", readToTheEnd(
                    stream(model, SimulatorHints.fault(provider, prompt, "drop-stream"))), provider);
            report("stalled stream", readToTheEnd(withStallLimit(
                    stream(model, SimulatorHints.fault(provider, prompt, "stall-stream")))), provider);
        }
    }

    private static Flux<String> stream(StreamingChatModel model, String prompt) {
        return StreamingFlux.stream(model, ChatRequest.builder().messages(UserMessage.from(prompt)).build());
    }

    private static void report(String fault, Ending ending, Provider provider) {
        System.out.printf("%s: %s after %d chunk(s)%s%n", fault, ending.error().isPresent() ? "onError" : "completed",
                ending.chunks(), ending.error().map(error -> ": " + Failures.oneLine(error)).orElse(""));
        RequestRecord served = GroundTruth.latestFinished(provider).orElseThrow();
        System.out.printf("  simulator: sent %d of %d planned tokens (fault %s), client disconnect recorded: %s%n",
                served.tokensSent(), served.plannedTokens(), served.fault(), served.clientDisconnected() ? "yes" : "no");
    }
}
