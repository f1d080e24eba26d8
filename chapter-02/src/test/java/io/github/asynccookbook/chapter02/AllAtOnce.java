package io.github.asynccookbook.chapter02;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.github.asynccookbook.recipes.Batch;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Proof that N calls really ran at the same time, whatever the machine's load: each call waits at a barrier until
 * all N have reached it, so code that ran fewer at once fails with a timeout instead of passing by luck.
 */
final class AllAtOnce {

    private static final long PATIENCE_SECONDS = 30;

    private AllAtOnce() {
    }

    /** A model whose calls go to {@code model} only once {@code calls} of them are waiting together. */
    static ChatModel model(int calls, ChatModel model) {
        var barrier = new CyclicBarrier(calls);
        return new ChatModel() {
            @Override
            public ChatResponse chat(ChatRequest request) {
                await(barrier);
                return model.chat(request);
            }
        };
    }

    /** Like {@link #model}, for a batch call. */
    static <I, O> Batch.Call<I, O> call(int calls, Batch.Call<I, O> call) {
        var barrier = new CyclicBarrier(calls);
        return input -> {
            await(barrier);
            return call.call(input);
        };
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (BrokenBarrierException | TimeoutException e) {
            throw new IllegalStateException("fewer than " + barrier.getParties() + " calls ran at once", e);
        }
    }
}
