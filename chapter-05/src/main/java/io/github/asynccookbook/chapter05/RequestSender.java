package io.github.asynccookbook.chapter05;

import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.github.asynccookbook.recipes.AsyncChat;
import io.github.asynccookbook.recipes.Batch;
import io.github.asynccookbook.recipes.Batch.Outcome;
import io.github.asynccookbook.recipes.RetryOnRateLimit;
import io.github.asynccookbook.recipes.StreamingFlux;
import io.github.asynccookbook.recipes.TtftMeter;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends benchmark requests the way the earlier chapters taught: a {@link Batch} whose max concurrency makes the
 * mode, {@link AsyncChat} for {@code ainvoke}, {@link StreamingFlux} with a {@link TtftMeter} for streaming, and
 * {@link RetryOnRateLimit} around either, so a 429 waits as long as the provider asked. Each attempt has a deadline,
 * so a stalled stream cannot hang the run. Never throws: failures come back in the {@link Reply}.
 */
final class RequestSender {

    private final StreamingChatModel model;
    private final RetryOnRateLimit retry;
    private final Duration timeout;

    RequestSender(StreamingChatModel model, RetryOnRateLimit retry, Duration timeout) {
        this.model = model;
        this.retry = retry;
        this.timeout = timeout;
    }

    /**
     * What sending one request produced, whether it succeeded or not: the benchmark counts failures instead of
     * throwing them, so one refused request never loses the measurements of the others.
     *
     * @param firstTokenNanos first non-empty chunk ({@link System#nanoTime()}), or null when not streamed or failed
     * @param rateLimited     attempts refused with HTTP 429
     * @param attempts        attempts made, the first one included
     * @param error           the final error, or null on success
     */
    record Reply(Long firstTokenNanos, int outputTokens, int rateLimited, int attempts, Exception error) {
    }

    // tag::modes[]
    List<Outcome<Reply>> sendAll(List<ChatRequest> requests, int maxConcurrency, boolean stream, Runnable onEach) {
        return Batch.of(requests)
                .maxConcurrency(maxConcurrency)          // 1: sequential, N: gather, k: Semaphore(k)
                .returnExceptions(true)
                .run(request -> {
                    Reply reply = send(request, stream);
                    onEach.run();
                    return reply;
                });
    }
    // end::modes[]

    /** Total time spent waiting before retries, all requests together. */
    Duration retryWait() {
        return retry.waited();
    }

    /** Sends one request, retrying 429s; blocks, so call it from a virtual thread. */
    Reply send(ChatRequest request, boolean stream) {
        var attempts = new AtomicInteger();
        var rateLimited = new AtomicInteger();
        try {
            // tag::retry[]
            Answer answer = retry.call(() -> {
                attempts.incrementAndGet();
                try {
                    return stream ? streamOnce(request) : invokeOnce(request);
                } catch (RateLimitException refused) {
                    rateLimited.incrementAndGet();
                    throw refused;                       // RetryOnRateLimit waits as asked, then tries again
                }
            });
            // end::retry[]
            return new Reply(answer.firstTokenNanos(), answer.outputTokens(), rateLimited.get(), attempts.get(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(null, 0, rateLimited.get(), attempts.get(), e);
        } catch (Exception e) {
            return new Reply(null, 0, rateLimited.get(), attempts.get(), e);
        }
    }

    private record Answer(Long firstTokenNanos, int outputTokens) {
    }

    // tag::ainvoke[]
    private Answer invokeOnce(ChatRequest request) throws Exception {
        var future = AsyncChat.chatAsync(model, request).orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS);
        try {
            return new Answer(null, outputTokens(future.get()));  // await chain.ainvoke(...)
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (InterruptedException e) {
            future.cancel(true);                                      // AsyncChat closes the stream
            throw e;
        }
    }
    // end::ainvoke[]

    // tag::stream[]
    private Answer streamOnce(ChatRequest request) {
        var meter = new TtftMeter();
        StreamingFlux.stream(model, request, meter::start)
                .then()
                .timeout(timeout)                    // cancelling closes the HTTP stream
                .block();
        TtftMeter.Timing timing = meter.timing()
                .orElseThrow(() -> new IllegalStateException("the stream completed without any text"));
        return new Answer(timing.firstTokenNanos(), timing.outputTokens());
    }
    // end::stream[]

    private static int outputTokens(ChatResponse response) {
        TokenUsage usage = response.tokenUsage();
        return usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
    }
}
