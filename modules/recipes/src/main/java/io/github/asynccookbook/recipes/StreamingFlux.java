package io.github.asynccookbook.recipes;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

import java.util.function.Supplier;

/**
 * A {@link StreamingChatModel} answer as a {@code Flux<String>} of text chunks: Java's {@code async for chunk in
 * model.astream(...)}. Unlike langchain4j-reactor's {@code Flux}, it is lazy (nothing is sent before subscribe) and
 * cancelling it really stops the HTTP stream, so the provider stops generating (and billing) tokens.
 *
 * <p>{@code model.chat(...)} normally returns at once, but LangChain4j 1.18's JDK client may parse the whole stream
 * on the subscribing thread (a race inside it): add {@code subscribeOn(...)} if that thread must never block. The
 * JDK client also parks a common-pool thread per open stream (at most 257). A model built on a non-blocking
 * transport has neither problem: pass {@code httpClientBuilder(new ReactorNettyHttpClientBuilder())} (the cookbook's
 * Reactor Netty transport, or any LangChain4j {@code HttpClientBuilder}) to the model's builder; this recipe is the
 * same for every transport. One file, LangChain4j and Reactor only.
 */
public final class StreamingFlux {

    private static final StreamingChatResponseHandler NO_OBSERVER = new StreamingChatResponseHandler() {
        @Override
        public void onCompleteResponse(ChatResponse response) {
        }

        @Override
        public void onError(Throwable error) {
        }
    };

    private StreamingFlux() {
    }

    public static Flux<String> stream(StreamingChatModel model, ChatRequest request) {
        return stream(model, request, () -> NO_OBSERVER);
    }

    /**
     * Like {@link #stream(StreamingChatModel, ChatRequest)}; each subscription first takes a handler from
     * {@code observer}, right before the request is sent, and gives it every callback of the stream (a TTFT meter,
     * a log, a listener of your own).
     */
    // tag::stream[]
    public static Flux<String> stream(StreamingChatModel model, ChatRequest request,
                                      Supplier<? extends StreamingChatResponseHandler> observer) {
        // BUFFER: LangChain4j pushes chunks as they are read and cannot pause the socket, text must not be
        // dropped, and an answer is bounded by its max output tokens: a slow subscriber reads from the buffer.
        return Flux.create(sink -> {
            var handler = new SinkHandler(sink, observer.get());
            sink.onCancel(handler::cancel);
            try {
                model.chat(request, handler);
            } catch (RuntimeException refusedBeforeSending) {
                sink.error(refusedBeforeSending);
            }
        }, FluxSink.OverflowStrategy.BUFFER);
    }
    // end::stream[]

    /** Forwards callbacks to the sink; cancels the HTTP stream once the subscriber has gone. */
    // tag::handler[]
    private static final class SinkHandler implements StreamingChatResponseHandler {

        private final FluxSink<String> sink;
        private final StreamingChatResponseHandler observer;
        private volatile boolean cancelled;
        private volatile StreamingHandle handle;

        SinkHandler(FluxSink<String> sink, StreamingChatResponseHandler observer) {
            this.sink = sink;
            this.observer = observer;
        }

        @Override
        public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            observer.onPartialResponse(partial, context);
            handle = context.streamingHandle();
            if (cancelled) {
                // Disposed before this chunk, maybe before the first one, when there was no handle to cancel.
                handle.cancel();
                return;
            }
            sink.next(partial.text());
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            observer.onCompleteResponse(response);
            sink.complete();
        }

        @Override
        public void onError(Throwable error) {
            if (!cancelled) {
                observer.onError(error);
                sink.error(error);
            }
        }

        /** Called from the subscriber's thread: closing the stream makes LangChain4j report "closed", ignored above. */
        void cancel() {
            cancelled = true;
            StreamingHandle current = handle;
            if (current != null) {
                current.cancel();
            }
        }
    }
    // end::handler[]
}
