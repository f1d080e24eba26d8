package io.github.asynccookbook.chapter10;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.github.asynccookbook.harness.Bounds;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.harness.GroundTruth;
import io.github.asynccookbook.harness.SimulatorHints;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.recipes.StreamingFlux;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Leaving a stream early closes it at the server (it stops sending, and billing, tokens); a stream that hangs half
 * way is cut by an idle timeout and another provider answers instead.
 */
@Command(name = "_03_CancelAndFallback", mixinStandardHelpOptions = true,
        description = "Take N chunks and leave (the server stops sending), then a stream that hangs half way: "
                + "the idle timeout fires and the other provider answers.")
public final class _03_CancelAndFallback implements Callable<Integer> {

    /** Long enough that leaving after a few chunks leaves most of it unsent. */
    static final int LONG_ANSWER_TOKENS = 2_000;
    static final Duration FIRST_CHUNK = Duration.ofSeconds(30);
    static final Duration IDLE = Duration.ofSeconds(2);

    // tag::first-chunks[]
    /** The first {@code n} chunks of the answer; {@code take} cancels the stream, which closes the connection. */
    public static List<String> firstChunks(StreamingChatModel model, ChatRequest request, int n) {
        return StreamingFlux.stream(model, request).take(n).collectList().block();
    }
    // end::first-chunks[]

    // tag::idle-fallback[]
    /**
     * The primary stream, cut when its first chunk takes longer than {@code firstChunk} or a later one longer than
     * {@code idle} (LangChain4j's own timeout ends at the response headers), then the fallback from the start.
     */
    public static Flux<String> withIdleFallback(Flux<String> primary, Duration firstChunk, Duration idle,
                                                Flux<String> fallback) {
        return primary.timeout(Mono.delay(firstChunk), chunk -> Mono.delay(idle))   // cancels the primary's stream
                .onErrorResume(TimeoutException.class, stalled -> fallback);
    }
    // end::idle-fallback[]

    static ChatRequest ask(String prompt) {
        return ChatRequest.builder().messages(UserMessage.from(prompt)).build();
    }

    @Mixin
    ExampleOptions options;

    @Option(names = "--chunks", paramLabel = "N", defaultValue = "3",
            description = "Chunks to read before leaving the stream (default: ${DEFAULT-VALUE}).")
    int chunks = 3;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        ChapterCli.exit(new _03_CancelAndFallback(), args);
    }

    @Override
    public Integer call() {
        requireChunks(spec, chunks);
        run(options.providers(), chunks);
        return 0;
    }

    static void requireChunks(CommandSpec spec, int chunks) {
        Bounds.require(spec, "--chunks", chunks, 1, 1_000);
    }

    static void run(List<Provider> providers, int chunks) {
        for (int i = 0; i < providers.size(); i++) {
            Provider provider = providers.get(i);
            Provider fallback = providers.get((i + 1) % providers.size());   // the other one, or itself when alone
            ExampleOptions.heading(provider, "3", "leave after " + chunks + " chunks, then a stream that hangs");
            StreamingChatModel model = provider.streamingChatModel();

            long seenBefore = GroundTruth.requestsSeen(provider).orElse(0L);
            String story = SimulatorHints.answerLength(provider, "Tell a long story", LONG_ANSWER_TOKENS);
            List<String> first = firstChunks(model, ask(story), chunks);
            System.out.printf("received %d chunks, then left%n", first.size());
            GroundTruth.finishedAfter(provider, seenBefore).ifPresentOrElse(
                    r -> System.out.printf("simulator: sent %d of %d planned tokens, client disconnect recorded: %s%n",
                            r.tokensSent(), r.plannedTokens(), r.clientDisconnected() ? "yes" : "no"),
                    () -> System.out.println("live provider: no ground truth to show"));

            var fromPrimary = new AtomicInteger();
            String hangs = SimulatorHints.fault(provider, "Tell a story", "stall-stream");
            String answer = String.join("", withIdleFallback(
                    StreamingFlux.stream(model, ask(hangs)).doOnNext(chunk -> fromPrimary.incrementAndGet()),
                    FIRST_CHUNK, IDLE,
                    StreamingFlux.stream(fallback.streamingChatModel(), ask("Tell a story")))
                    .collectList().block());
            System.out.printf("stream that hangs: %d chunk%s from %s, then %s after %d s without a chunk: "
                            + "%d characters in all%n", fromPrimary.get(), fromPrimary.get() == 1 ? "" : "s",
                    provider.displayName(),
                    fallback.displayName(), IDLE.toSeconds(), answer.length());
        }
    }
}
