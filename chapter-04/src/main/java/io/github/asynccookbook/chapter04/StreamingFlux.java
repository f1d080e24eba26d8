package io.github.asynccookbook.chapter04;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * A {@link StreamingChatModel} answer as a {@code Flux<String>} of text chunks: Java's {@code async for chunk in
 * model.astream(...)}. Unlike langchain4j-reactor's {@code Flux}, it is lazy (nothing is sent before subscribe) and
 * cancelling it really stops the HTTP stream, so the provider stops generating (and billing) tokens.
 *
 * <p>{@code model.chat(...)} normally returns at once, but may parse the whole stream on the subscribing thread
 * (a race inside the JDK client): add {@code subscribeOn(...)} if that thread must never block.
 */
public final class StreamingFlux {

    private StreamingFlux() {
    }

    public static Flux<String> stream(StreamingChatModel model, ChatRequest request) {
        return stream(model, request, new TtftMeter());
    }

    /** Like {@link #stream(StreamingChatModel, ChatRequest)}, timing each subscription with {@code meter}. */
    // tag::stream[]
    public static Flux<String> stream(StreamingChatModel model, ChatRequest request, TtftMeter meter) {
        // BUFFER: LangChain4j pushes chunks as they are read and cannot pause the socket, text must not be
        // dropped, and an answer is bounded by its max output tokens: a slow subscriber reads from the buffer.
        return Flux.create(sink -> {
            var handler = new SinkHandler(sink, meter);
            sink.onCancel(handler::cancel);
            meter.start();
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
        private final TtftMeter meter;
        private volatile boolean cancelled;
        private volatile StreamingHandle handle;

        SinkHandler(FluxSink<String> sink, TtftMeter meter) {
            this.sink = sink;
            this.meter = meter;
        }

        @Override
        public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            meter.chunk(partial.text());
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
            meter.complete(response);
            sink.complete();
        }

        @Override
        public void onError(Throwable error) {
            if (!cancelled) {
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
