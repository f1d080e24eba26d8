package io.github.asynccookbook.providers;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import io.github.asynccookbook.simulator.Protocol;
import io.github.asynccookbook.simulator.Simulator;

import java.util.Locale;
import java.util.Optional;

/**
 * One vendor's chat models, wired either to the real API or to the embedded simulator, so chapter code is the
 * same in both modes. Each call builds a new model; build once and share it (models are thread-safe).
 */
public abstract sealed class Provider permits GeminiProvider, MistralProvider {

    /** Where this provider's requests go. */
    public enum Mode {
        SIMULATOR, LIVE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Any non-blank key works with a simulator that was not started with a specific one. */
    private static final ApiKey ANY_SIMULATOR_KEY = new ApiKey("simulated-key");

    private final Protocol protocol;
    private final Mode mode;
    private final String baseUrl;
    private final ApiKey apiKey;
    private final String modelName;
    private final Simulator simulator;

    Provider(Protocol protocol, Mode mode, String baseUrl, ApiKey apiKey, String modelName, Simulator simulator) {
        this.protocol = protocol;
        this.mode = mode;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.modelName = modelName;
        this.simulator = simulator;
    }

    static Provider live(VendorSettings settings) {
        return switch (settings.protocol()) {
            case GEMINI -> new GeminiProvider(Mode.LIVE,
                    settings.baseUrlOverride().orElse(GeminiProvider.LIVE_BASE_URL), settings.requireKey(),
                    settings.modelName(), null);
            case MISTRAL -> new MistralProvider(Mode.LIVE,
                    settings.baseUrlOverride().orElse(MistralProvider.LIVE_BASE_URL), settings.requireKey(),
                    settings.modelName(), null);
        };
    }

    static Provider simulated(VendorSettings settings, Simulator simulator) {
        return switch (settings.protocol()) {
            case GEMINI -> new GeminiProvider(Mode.SIMULATOR,
                    settings.baseUrlOverride().orElse(simulator.geminiBaseUrl()),
                    simulatorKey(simulator.config().geminiApiKey()), settings.modelName(), simulator);
            case MISTRAL -> new MistralProvider(Mode.SIMULATOR,
                    settings.baseUrlOverride().orElse(simulator.mistralBaseUrl()),
                    simulatorKey(simulator.config().mistralApiKey()), settings.modelName(), simulator);
        };
    }

    static ApiKey simulatorKey(String keyTheSimulatorRequires) {
        return keyTheSimulatorRequires == null ? ANY_SIMULATOR_KEY : new ApiKey(keyTheSimulatorRequires);
    }

    /** {@code gemini} or {@code mistral}, as in {@code --provider}. */
    public String name() {
        return protocol.name().toLowerCase(Locale.ROOT);
    }

    public String displayName() {
        return protocol.displayName();
    }

    public Protocol protocol() {
        return protocol;
    }

    public Mode mode() {
        return mode;
    }

    /** The model used unless {@link ModelOptions#modelName()} says otherwise. */
    public String modelName() {
        return modelName;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The simulator this provider talks to, for its ground truth ({@link Simulator#stats()}); empty when live. */
    public Optional<Simulator> simulator() {
        return Optional.ofNullable(simulator);
    }

    public ChatModel chatModel() {
        return chatModel(ModelOptions.defaults());
    }

    public StreamingChatModel streamingChatModel() {
        return streamingChatModel(ModelOptions.defaults());
    }

    public abstract ChatModel chatModel(ModelOptions options);

    public abstract StreamingChatModel streamingChatModel(ModelOptions options);

    /** The key requests carry: the user's when live, any key the simulator accepts otherwise. Masked when printed. */
    public ApiKey apiKey() {
        return apiKey;
    }

    /** E.g. {@code Mistral : live  https://api.mistral.ai/v1  model mistral-small-latest  key sk-...9f2c}. */
    public String describe() {
        String where = mode == Mode.SIMULATOR && simulator != null && !simulator.embedded() ? "simulator (running apart)"
                : mode.id();
        String line = "%-7s : %s  %s  model %s".formatted(displayName(), where, baseUrl, modelName);
        return mode == Mode.LIVE ? line + "  key " + apiKey.masked() : line;
    }

    @Override
    public String toString() {
        return describe();
    }
}
