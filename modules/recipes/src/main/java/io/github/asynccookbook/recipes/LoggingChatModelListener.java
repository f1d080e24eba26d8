package io.github.asynccookbook.recipes;

import dev.langchain4j.model.chat.listener.ChatModelErrorContext;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Logs every model call without touching the code that makes it: one line when the request leaves, one when the
 * response or the error comes back, numbered so the two can be matched, with the time between them and the
 * provider's token usage. Register it on the model builder's {@code .listeners(...)}.
 *
 * <pre>
 * #1 request  gemini-2.5-flash  GOOGLE_AI_GEMINI  2 messages, 0 tools
 * #1 response gemini-2.5-flash  1,532 ms  tokens 21 in / 131 out  finish STOP
 * </pre>
 *
 * A streaming model calls {@code onRequest} on the caller's thread and {@code onResponse} on the stream's, so the
 * start time travels in the call's attributes, not in a field or a thread local. A listener has no first-token
 * hook: for TTFT wrap the model ({@code TimedStreamingChatModel}). One file, LangChain4j and SLF4J only.
 */
public final class LoggingChatModelListener implements ChatModelListener {

    private static final int MAX_ERROR_LENGTH = 200;
    private static final Object CALL = new Object();
    private static final Object STARTED = new Object();

    private final Consumer<String> log;
    private final AtomicLong calls = new AtomicLong();

    /** Logs at INFO through SLF4J, under this class's name. */
    public LoggingChatModelListener() {
        this(LoggerFactory.getLogger(LoggingChatModelListener.class)::info);
    }

    /** Hands each line to {@code log}. */
    public LoggingChatModelListener(Consumer<String> log) {
        this.log = log;
    }

    // tag::listener[]
    @Override
    public void onRequest(ChatModelRequestContext context) {
        long call = calls.incrementAndGet();
        context.attributes().put(CALL, call);
        context.attributes().put(STARTED, System.nanoTime());
        ChatRequest request = context.chatRequest();
        log.accept(String.format(Locale.ROOT, "#%d request  %s  %s  %d messages, %d tools", call,
                request.modelName(), context.modelProvider(), request.messages().size(),
                request.toolSpecifications() == null ? 0 : request.toolSpecifications().size()));
    }

    @Override
    public void onResponse(ChatModelResponseContext context) {
        ChatResponse response = context.chatResponse();
        TokenUsage usage = response.tokenUsage();
        log.accept(String.format(Locale.ROOT, "#%s response %s  %,d ms  tokens %s in / %s out  finish %s",
                context.attributes().get(CALL), context.chatRequest().modelName(), millisSince(context.attributes()),
                usage == null ? "?" : usage.inputTokenCount(), usage == null ? "?" : usage.outputTokenCount(),
                response.finishReason()));
    }

    @Override
    public void onError(ChatModelErrorContext context) {
        log.accept(String.format(Locale.ROOT, "#%s error    %s  %,d ms  %s", context.attributes().get(CALL),
                context.chatRequest().modelName(), millisSince(context.attributes()), oneLine(context.error())));
    }
    // end::listener[]

    private static long millisSince(Map<Object, Object> attributes) {
        return attributes.get(STARTED) instanceof Long started ? (System.nanoTime() - started) / 1_000_000 : -1;
    }

    private static String oneLine(Throwable error) {
        String message = error.getMessage() == null ? "" : error.getMessage().replaceAll("\\s+", " ").strip();
        String line = error.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
        return line.length() <= MAX_ERROR_LENGTH ? line : line.substring(0, MAX_ERROR_LENGTH - 3) + "...";
    }
}
