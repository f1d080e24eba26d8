package io.github.asynccookbook.chapter05;

import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.github.asynccookbook.chapter01.AsyncChat;
import io.github.asynccookbook.chapter03.RetryOnRateLimit;
import io.github.asynccookbook.chapter04.StreamTiming;
import io.github.asynccookbook.chapter04.StreamingFlux;
import io.github.asynccookbook.chapter04.TtftMeter;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends one benchmark request the way the earlier chapters taught: {@link AsyncChat} (chapter 01) for
 * {@code ainvoke}, {@link StreamingFlux} with a {@link TtftMeter} (chapter 04) for streaming, and
 * {@link RetryOnRateLimit} (chapter 03) around either, so a 429 waits as long as the provider asked. Each attempt
 * has a deadline, so a stalled stream cannot hang the run. Never throws: failures come back in the {@link Reply}.
 * Call it from a virtual thread: it blocks while the request runs.
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

    /** Total time spent waiting before retries, all requests together. */
    Duration retryWait() {
        return retry.waited();
    }

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
        StreamingFlux.stream(model, request, meter)
                .then()
                .timeout(timeout)                    // cancelling closes the HTTP stream
                .block();
        StreamTiming timing = meter.timing()
                .orElseThrow(() -> new IllegalStateException("the stream completed without any text"));
        return new Answer(timing.firstTokenNanos(), timing.outputTokens());
    }
    // end::stream[]

    private static int outputTokens(ChatResponse response) {
        TokenUsage usage = response.tokenUsage();
        return usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
    }
}
