package io.github.asynccookbook.chapter07;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.harness.GroundTruth;
import io.github.asynccookbook.providers.ModelOptions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.recipes.SafeInvoke;
import io.github.asynccookbook.recipes.StreamingFlux;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Deadlines that really bound a call, blocking or streaming, and close its connection when they fire. */
@Command(name = "_02_Deadlines", mixinStandardHelpOptions = true,
        description = "The builder timeout, an overall deadline (blocking, CompletableFuture, Reactor), a "
                + "time-to-first-token and an idle deadline, each against a stalled answer.")
public final class _02_Deadlines implements Callable<Integer> {

    /** Every deadline of the examples: well under the 5 s stall, well over a simulated chunk gap. */
    static final Duration DEADLINE = Duration.ofSeconds(1);

    // tag::blocking[]
    static String blockingWithin(ChatModel model, String prompt, Duration deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        var call = new FutureTask<>(() -> model.chat(prompt));
        Thread.ofVirtual().name("chat-with-deadline").start(call);
        try {
            return call.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } finally {
            call.cancel(true);   // interrupts the virtual thread: the JDK HTTP client aborts the exchange
        }
    }
    // end::blocking[]

    // tag::future[]
    static CompletableFuture<String> streamingWithin(StreamingChatModel model, ChatRequest request,
                                                     Duration deadline) {
        var answer = new CompletableFuture<String>();
        var handle = new CompletableFuture<StreamingHandle>();   // none before the first chunk (langchain4j#6304)
        var handler = new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                handle.complete(context.streamingHandle());
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                answer.complete(response.aiMessage().text());
            }

            @Override
            public void onError(Throwable error) {
                answer.completeExceptionally(error);
            }
        };
        Thread.startVirtualThread(() -> model.chat(request, handler));   // the JDK client may parse on this thread
        answer.orTimeout(deadline.toNanos(), TimeUnit.NANOSECONDS)
                .whenComplete((text, failure) -> handle.thenAccept(StreamingHandle::cancel));   // no-op once complete
        return answer;
    }
    // end::future[]

    // tag::reactor[]
    static Mono<String> answerWithin(Flux<String> chunks, Duration deadline) {
        return chunks.reduce(String::concat).timeout(deadline);   // Mono.timeout: the whole answer
    }

    static Flux<String> firstTokenAndIdle(Flux<String> chunks, Duration firstToken, Duration idle) {
        return chunks.timeout(Mono.delay(firstToken), chunk -> Mono.delay(idle));   // Flux.timeout: per chunk
    }
    // end::reactor[]

    /** One deadline against one stalled answer: how long until it fired, and what the simulator saw. */
    record Fired(String what, SafeInvoke.Result result, long millis, RequestRecord request) {

        String line() {
            return String.format(Locale.ROOT, "%-34s %-28s after %,6d ms   simulator: status %d, %d of %d tokens "
                            + "sent, client disconnect %s", what, _01_WhatCanGoWrong.describe(result), millis,
                    request.status(), request.tokensSent(), request.plannedTokens(),
                    request.clientDisconnected() ? "recorded" : "NOT recorded");
        }
    }

    static Fired measure(Provider provider, String what, Supplier<String> call) {
        Simulator simulator = provider.simulator().orElseThrow();
        GroundTruth.awaitQuiet(simulator);
        long seenBefore = simulator.stats().requests(provider.modelName()).size();
        long start = System.nanoTime();
        SafeInvoke.Result result = SafeInvoke.safely(call);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        RequestRecord request = GroundTruth.finishedAfter(provider, seenBefore).orElseThrow();
        return new Fired(what, result, millis, request);
    }

    static List<Fired> run(Provider provider) {
        ModelOptions once = ModelOptions.builder().maxRetries(0).build();
        ChatModel blocking = provider.chatModel(once);
        ChatModel clientTimeout = provider.chatModel(once.toBuilder().timeout(DEADLINE).build());
        StreamingChatModel streaming = provider.streamingChatModel();
        StreamingChatModel streamingTimeout = provider.streamingChatModel(once.toBuilder().timeout(DEADLINE).build());
        String stallHeaders = "Explain timeouts. [sim:fault=stall-headers]";
        String stallStream = "Explain timeouts. [sim:fault=stall-stream]";
        return List.of(
                measure(provider, "builder timeout, stall before headers", () -> clientTimeout.chat(stallHeaders)),
                measure(provider, "blocking deadline (virtual thread)", () -> unchecked(
                        () -> blockingWithin(blocking, stallHeaders, DEADLINE))),
                measure(provider, "CompletableFuture.orTimeout + handle", () -> streamingWithin(streaming,
                        request(stallStream), DEADLINE).join()),
                measure(provider, "Reactor Mono.timeout (whole answer)", () -> answerWithin(
                        StreamingFlux.stream(streaming, request(stallStream)), DEADLINE).block()),
                measure(provider, "time to first token (+ builder)", () -> firstTokenAndIdle(
                        StreamingFlux.stream(streamingTimeout, request(stallHeaders)), DEADLINE, DEADLINE)
                        .reduce(String::concat).block()),
                measure(provider, "idle between chunks", () -> firstTokenAndIdle(
                        StreamingFlux.stream(streaming, request(stallStream)), DEADLINE, DEADLINE)
                        .reduce(String::concat).block()));
    }

    static ChatRequest request(String prompt) {
        return ChatRequest.builder().messages(UserMessage.from(prompt)).build();
    }

    private static String unchecked(Callable<String> call) {
        try {
            return call.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new java.util.concurrent.CompletionException(e);
        }
    }

    @Mixin
    ExampleOptions options;

    public static void main(String[] args) {
        ChapterCli.exit(new _02_Deadlines(), args);
    }

    @Override
    public Integer call() {
        try (Simulator simulator = options.startSimulator()) {
            for (Provider provider : options.providers(simulator)) {
                ExampleOptions.heading(provider, "2", "deadlines of " + DEADLINE.toMillis() + " ms against a "
                        + ExampleOptions.STALL.toSeconds() + " s stall");
                run(provider).forEach(fired -> System.out.println(fired.line()));
            }
        }
        return 0;
    }
}
