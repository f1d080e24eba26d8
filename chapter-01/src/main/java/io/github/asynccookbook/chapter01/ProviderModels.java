package io.github.asynccookbook.chapter01;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import io.github.asynccookbook.providers.ModelOptions;
import io.github.asynccookbook.providers.Provider;

/**
 * The two models of one provider, built once and shared by every call of a run, with a {@link WaitingThreads}
 * listener that notes which thread each answer arrived on. A model owns its HTTP client, with its connection pool
 * and selector thread, and is safe to use from many threads at once.
 */
record ProviderModels(Provider provider, ChatModel chat, StreamingChatModel streaming, WaitingThreads waiters) {

    static ProviderModels of(Provider provider) {
        var waiters = new WaitingThreads();
        var options = ModelOptions.builder().listener(waiters).build();
        return new ProviderModels(provider, provider.chatModel(options), provider.streamingChatModel(options), waiters);
    }

    String name() {
        return provider.displayName();
    }
}
