package io.github.asynccookbook.providers;

import io.github.asynccookbook.simulator.Protocol;

import java.util.List;
import java.util.Optional;

/**
 * One provider's settings: where its requests go, which model it uses and its key. The key is masked when this
 * record is printed.
 *
 * @param mode      live or simulator, already resolved from {@code LLM_MODE} and whether the key is set
 * @param modelName {@code GEMINI_MODEL} / {@code MISTRAL_MODEL}, or the default
 * @param apiKey    the key found, or null
 */
public record VendorSettings(Protocol protocol, Provider.Mode mode, String modelName, ApiKey apiKey) {

    static VendorSettings from(Protocol protocol, LlmMode llmMode, Variables variables) {
        ApiKey apiKey = variables.first(keyVariables(protocol)).map(ApiKey::new).orElse(null);
        String modelName = variables.get(modelVariable(protocol)).orElse(defaultModel(protocol));
        return new VendorSettings(protocol, llmMode.resolve(apiKey != null), modelName, apiKey);
    }

    /** The variables the key is read from, first one set wins. */
    static List<String> keyVariables(Protocol protocol) {
        return switch (protocol) {
            case GEMINI -> List.of("GOOGLE_API_KEY", "GEMINI_API_KEY", "GOOGLE_AI_GEMINI_API_KEY");
            case MISTRAL -> List.of("MISTRAL_API_KEY", "MISTRAL_AI_API_KEY");
        };
    }

    static String modelVariable(Protocol protocol) {
        return switch (protocol) {
            case GEMINI -> "GEMINI_MODEL";
            case MISTRAL -> "MISTRAL_MODEL";
        };
    }

    static String defaultModel(Protocol protocol) {
        return switch (protocol) {
            case GEMINI -> "gemini-2.5-flash";
            case MISTRAL -> "mistral-small-latest";
        };
    }

    public Optional<ApiKey> key() {
        return Optional.ofNullable(apiKey);
    }

    /** The key live mode needs, or the one-line message that says which variable to set. */
    ApiKey requireKey() {
        return key().orElseThrow(() -> new ProviderConfigException(
                "LLM_MODE=live but no %s key: set %s in .env or the environment, or use LLM_MODE=auto to fall back to the simulator"
                        .formatted(protocol.displayName(), keyVariables(protocol).getFirst())));
    }
}
