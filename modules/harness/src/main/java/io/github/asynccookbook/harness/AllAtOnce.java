package io.github.asynccookbook.harness;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;

import java.time.Duration;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Proof for a test that N calls really ran at the same time, however busy the machine: each call waits at a barrier
 * until all N have reached it, so code that runs fewer at once fails instead of passing or failing by luck. The
 * barrier opens again for the next N calls.
 *
 * <pre>{@code
 * var together = new AllAtOnce(10);
 * List<ChatResponse> answers = concurrently(together.chatModel(model), request, 10); // fails unless 10 at once
 * }</pre>
 */
public final class AllAtOnce {

    private final CyclicBarrier barrier;
    private final Duration patience;

    /** For {@code calls} calls at a time, each waiting at most 30 s for the others. */
    public AllAtOnce(int calls) {
        this(calls, Duration.ofSeconds(30));
    }

    AllAtOnce(int calls, Duration patience) {
        this.barrier = new CyclicBarrier(calls);
        this.patience = patience;
    }

    /** Waits until all the calls have arrived; throws when they do not in time. */
    public void arrive() {
        try {
            barrier.await(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the other calls", e);
        } catch (BrokenBarrierException | TimeoutException e) {
            throw new IllegalStateException("fewer than %d calls ran at once".formatted(barrier.getParties()), e);
        }
    }

    /** {@code model}, whose calls are sent only once all of them have arrived. */
    public ChatModel chatModel(ChatModel model) {
        return new ChatModel() {
            @Override
            public ChatResponse chat(ChatRequest request) {
                arrive();
                return model.chat(request);
            }
        };
    }

    /** {@code model}, whose streams are started only once all of them have arrived. */
    public StreamingChatModel streamingChatModel(StreamingChatModel model) {
        return new StreamingChatModel() {
            @Override
            public void chat(ChatRequest request, StreamingChatResponseHandler handler) {
                arrive();
                model.chat(request, handler);
            }
        };
    }
}
