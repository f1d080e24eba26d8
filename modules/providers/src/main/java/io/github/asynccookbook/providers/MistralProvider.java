package io.github.asynccookbook.providers;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.mistralai.MistralAiChatModel;
import dev.langchain4j.model.mistralai.MistralAiStreamingChatModel;
import io.github.asynccookbook.simulator.Protocol;
import io.github.asynccookbook.simulator.Simulator;

/** Mistral AI models ({@code langchain4j-mistral-ai}). */
final class MistralProvider extends Provider {

    static final String LIVE_BASE_URL = "https://api.mistral.ai/v1";

    MistralProvider(Mode mode, String baseUrl, ApiKey apiKey, String modelName, Simulator simulator) {
        super(Protocol.MISTRAL, mode, baseUrl, apiKey, modelName, simulator);
    }

    @Override
    public ChatModel chatModel(ModelOptions options) {
        return MistralAiChatModel.builder()
                .baseUrl(baseUrl())
                .apiKey(apiKey().value())
                .defaultRequestParameters(options.requestParameters(modelName()))
                .httpClientBuilder(options.transport())
                .timeout(options.timeout())
                .maxRetries(options.maxRetries())
                .supportedCapabilities(options.capabilities())
                .listeners(options.listeners())
                .logRequests(options.logRequests())
                .logResponses(options.logResponses())
                .build();
    }

    @Override
    public StreamingChatModel streamingChatModel(ModelOptions options) {
        return MistralAiStreamingChatModel.builder()
                .baseUrl(baseUrl())
                .apiKey(apiKey().value())
                .defaultRequestParameters(options.requestParameters(modelName()))
                .httpClientBuilder(options.transport())
                .timeout(options.timeout())
                .listeners(options.listeners())
                .logRequests(options.logRequests())
                .logResponses(options.logResponses())
                .build();
    }
}
