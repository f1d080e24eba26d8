package io.github.asynccookbook.recipes;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link StreamingChatModel} that records every call's time to first chunk in a Micrometer {@link Timer}: the
 * number a streaming user feels, which neither LangChain4j's {@code ChatModelListener} (it has no first-token hook)
 * nor its Micrometer listener records. Wrap the model once; every use of it is timed: a chain, an AI service, a Flux.
 *
 * <pre>{@code
 * var registry = new SimpleMeterRegistry();
 * StreamingChatModel timed = new TimedStreamingChatModel(model, registry);
 * ...
 * System.out.println(registry.getMetersAsString());
 * }</pre>
 *
 * The timer follows OpenTelemetry's GenAI conventions: {@value #TIME_TO_FIRST_CHUNK}, tagged with the provider and
 * the requested model, from right before the call to its first chunk of text, thinking or tool call. A call that
 * fails or is cancelled before any chunk records nothing. One file, LangChain4j and Micrometer only.
 */
public final class TimedStreamingChatModel implements StreamingChatModel {

    public static final String TIME_TO_FIRST_CHUNK = "gen_ai.client.operation.time_to_first_chunk";

    private final StreamingChatModel delegate;
    private final MeterRegistry registry;

    public TimedStreamingChatModel(StreamingChatModel delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.registry = registry;
    }

    // tag::chat[]
    @Override
    public void chat(ChatRequest request, ChatRequestOptions options, StreamingChatResponseHandler handler) {
        Timer timer = timer(request.modelName() != null ? request.modelName()
                : delegate.defaultRequestParameters().modelName());
        long start = System.nanoTime();
        delegate.chat(request, options, new FirstChunk(handler,
                () -> timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS)));
    }

    private Timer timer(String model) {
        return Timer.builder(TIME_TO_FIRST_CHUNK)
                .description("Time from the request to the first chunk of a streamed answer")
                .tag("gen_ai.operation.name", "chat")
                .tag("gen_ai.provider.name", delegate.provider().name().toLowerCase(Locale.ROOT))
                .tag("gen_ai.request.model", model == null ? "unknown" : model)
                .publishPercentiles(0.5, 0.9)
                .register(registry);
    }
    // end::chat[]

    /** The delegate calls its own listeners; reporting them here too would call each twice. */
    @Override
    public List<ChatModelListener> listeners() {
        return List.of();
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return delegate.defaultRequestParameters();
    }

    @Override
    public ModelProvider provider() {
        return delegate.provider();
    }

    @Override
    public Set<Capability> supportedCapabilities() {
        return delegate.supportedCapabilities();
    }

    /** Forwards every callback, and runs {@code firstChunk} once, at the first chunk of any kind. */
    private static final class FirstChunk implements StreamingChatResponseHandler {

        private final StreamingChatResponseHandler handler;
        private final Runnable firstChunk;
        private final AtomicBoolean seen = new AtomicBoolean();

        FirstChunk(StreamingChatResponseHandler handler, Runnable firstChunk) {
            this.handler = handler;
            this.firstChunk = firstChunk;
        }

        private void chunk() {
            if (seen.compareAndSet(false, true)) {
                firstChunk.run();
            }
        }

        @Override
        public void onPartialResponse(String partialResponse) {
            chunk();
            handler.onPartialResponse(partialResponse);
        }

        @Override
        public void onPartialResponse(PartialResponse partialResponse, PartialResponseContext context) {
            chunk();
            handler.onPartialResponse(partialResponse, context);
        }

        @Override
        public void onPartialThinking(PartialThinking partialThinking) {
            chunk();
            handler.onPartialThinking(partialThinking);
        }

        @Override
        public void onPartialThinking(PartialThinking partialThinking, PartialThinkingContext context) {
            chunk();
            handler.onPartialThinking(partialThinking, context);
        }

        @Override
        public void onPartialToolCall(PartialToolCall partialToolCall) {
            chunk();
            handler.onPartialToolCall(partialToolCall);
        }

        @Override
        public void onPartialToolCall(PartialToolCall partialToolCall, PartialToolCallContext context) {
            chunk();
            handler.onPartialToolCall(partialToolCall, context);
        }

        @Override
        public void onCompleteToolCall(CompleteToolCall completeToolCall) {
            chunk();
            handler.onCompleteToolCall(completeToolCall);
        }

        @Override
        public void onUnmappedRawEvent(Object rawEvent) {
            handler.onUnmappedRawEvent(rawEvent);
        }

        @Override
        public void onCompleteResponse(ChatResponse completeResponse) {
            handler.onCompleteResponse(completeResponse);
        }

        @Override
        public void onError(Throwable error) {
            handler.onError(error);
        }
    }
}
