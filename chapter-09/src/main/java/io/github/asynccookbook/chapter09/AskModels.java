package io.github.asynccookbook.chapter09;

import dev.langchain4j.model.chat.StreamingChatModel;
import io.github.asynccookbook.providers.ModelOptions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.recipes.AskServer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The recipe's provider-neutral {@link AskServer.Llm} over this project's providers (live with a key, else the
 * simulator): both servers of the chapter answer through it, so they differ only in their web layer.
 */
final class AskModels {

    private AskModels() {
    }

    static AskServer.Llm llm(List<Provider> providers, AskServer.Settings settings) {
        Map<String, StreamingChatModel> models = new LinkedHashMap<>();
        for (Provider provider : providers) {
            // The model's timeout bounds the wait for response headers, where no stream handle exists to cancel.
            models.put(provider.name(), provider.streamingChatModel(
                    ModelOptions.builder().timeout(settings.deadline()).build()));
        }
        return new AskServer.Llm(models, settings);
    }
}
