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

    private GeminiProvider(Mode mode, String baseUrl, ApiKey apiKey, String modelName, Simulator simulator) {
        super(Protocol.GEMINI, mode, baseUrl, apiKey, modelName, simulator);
    }

    static GeminiProvider live(String modelName, ApiKey apiKey) {
        return new GeminiProvider(Mode.LIVE, LIVE_BASE_URL, apiKey, modelName, null);
    }

    static GeminiProvider simulated(String modelName, Simulator simulator) {
        return new GeminiProvider(Mode.SIMULATOR, simulator.geminiBaseUrl(),
                simulatorKey(simulator.config().geminiApiKey()), modelName, simulator);
    }

    @Override
    public ChatModel chatModel(ModelOptions options) {
        return GoogleAiGeminiChatModel.builder()
                .baseUrl(baseUrl())
                .apiKey(apiKey().value())
                .modelName(options.modelNameOr(modelName()))
                .timeout(options.timeout())
                .maxRetries(options.maxRetries())
                .maxOutputTokens(options.maxOutputTokens())
                .temperature(options.temperature())
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
                .modelName(options.modelNameOr(modelName()))
                .timeout(options.timeout())
                .maxOutputTokens(options.maxOutputTokens())
                .temperature(options.temperature())
                .listeners(options.listeners())
                .logRequests(options.logRequests())
                .logResponses(options.logResponses())
                .build();
    }
}
