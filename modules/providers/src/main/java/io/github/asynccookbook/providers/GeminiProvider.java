package io.github.asynccookbook.providers;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import io.github.asynccookbook.simulator.Protocol;
import io.github.asynccookbook.simulator.Simulator;

/** Google AI Gemini models ({@code langchain4j-google-ai-gemini}). */
final class GeminiProvider extends Provider {

    static final String LIVE_BASE_URL = "https://generativelanguage.googleapis.com/v1beta";

    GeminiProvider(Mode mode, String baseUrl, ApiKey apiKey, String modelName, Simulator simulator) {
        super(Protocol.GEMINI, mode, baseUrl, apiKey, modelName, simulator);
    }

    @Override
    public ChatModel chatModel(ModelOptions options) {
        return GoogleAiGeminiChatModel.builder()
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
        return GoogleAiGeminiStreamingChatModel.builder()
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
