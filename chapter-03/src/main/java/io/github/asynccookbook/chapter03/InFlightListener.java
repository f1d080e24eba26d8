package io.github.asynccookbook.chapter03;

import dev.langchain4j.model.chat.listener.ChatModelErrorContext;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts the calls a model is running right now and remembers the peak: the client's view of in-flight requests. */
final class InFlightListener implements ChatModelListener {

    private final AtomicInteger current = new AtomicInteger();
    private final AtomicInteger max = new AtomicInteger();

    @Override
    public void onRequest(ChatModelRequestContext context) {
        max.accumulateAndGet(current.incrementAndGet(), Math::max);
    }

    @Override
    public void onResponse(ChatModelResponseContext context) {
        current.decrementAndGet();
    }

    @Override
    public void onError(ChatModelErrorContext context) {
        current.decrementAndGet();
    }

    int max() {
        return max.get();
    }
}
