package io.github.asynccookbook.recipes;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;

import java.util.concurrent.CompletableFuture;

/**
 * LangChain4j's missing {@code ainvoke}: a chat call that returns a {@link CompletableFuture} at once, built on a
 * {@link StreamingChatModel} so that no thread of the caller waits for the answer. Cancelling the future (or
 * completing it any other way, e.g. {@code orTimeout}) closes the HTTP stream at the next partial response.
 * <p>
 * Which thread reads the stream is the transport's business, not this recipe's. LangChain4j's default JDK transport
 * parks one common-pool thread per open stream (the pool stops growing at 257, and streams beyond that wait); a
 * model built on a non-blocking transport reads every stream on a few event-loop threads, e.g. the cookbook's
 * Reactor Netty one:
 * <pre>{@code
 * StreamingChatModel model = MistralAiStreamingChatModel.builder()
 *         .httpClientBuilder(new ReactorNettyHttpClientBuilder()) // any LangChain4j HttpClientBuilder
 *         .apiKey(key).modelName("mistral-small-latest").build();
 * CompletableFuture<ChatResponse> answer = AsyncChat.chatAsync(model, "Why do birds migrate?");
 * }</pre>
 * The request is handed to the model on a short-lived virtual thread: LangChain4j 1.18's JDK HTTP client reads
 * the whole stream on the thread that called {@code chat()} when the response headers win a race against it, and
 * that thread must not be the caller's (a non-blocking transport returns at once; the hop then costs microseconds).
 */
public final class AsyncChat {

    private AsyncChat() {
    }

    // tag::chatAsync[]
    public static CompletableFuture<ChatResponse> chatAsync(StreamingChatModel model, ChatRequest request) {
        var future = new CompletableFuture<ChatResponse>();
        Thread.startVirtualThread(() -> {
            try {
                model.chat(request, new FutureHandler(future));
            } catch (RuntimeException rejectedBeforeSending) { // e.g. UnsupportedFeatureException: no onError for it
                future.completeExceptionally(rejectedBeforeSending);
            }
        });
        return future;
    }

    private record FutureHandler(CompletableFuture<ChatResponse> future) implements StreamingChatResponseHandler {

        @Override
        public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            if (future.isDone()) { // cancelled or timed out by the caller: stop reading, close the connection
                context.streamingHandle().cancel();
            }
        }

        @Override
        public void onPartialThinking(PartialThinking partial, PartialThinkingContext context) {
            if (future.isDone()) {
                context.streamingHandle().cancel();
            }
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            future.complete(response);
        }

        @Override
        public void onError(Throwable error) {
            future.completeExceptionally(error);
        }
    }
    // end::chatAsync[]

    /** {@link #chatAsync(StreamingChatModel, ChatRequest)} for a single user message. */
    public static CompletableFuture<ChatResponse> chatAsync(StreamingChatModel model, String prompt) {
        return chatAsync(model, ChatRequest.builder().messages(UserMessage.from(prompt)).build());
    }
}
