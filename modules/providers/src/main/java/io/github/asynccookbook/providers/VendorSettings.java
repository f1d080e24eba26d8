package io.github.asynccookbook.providers;

import io.github.asynccookbook.simulator.Protocol;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One provider's settings: where its requests go, which model it uses and its key. The key is masked when this
 * record is printed.
 *
 * @param mode      live or simulator, already resolved from {@code LLM_MODE} and whether the key is set
 * @param modelName {@code GEMINI_MODEL} / {@code MISTRAL_MODEL}, or the default
 * @param apiKey    the key found, or null
 * @param baseUrl   {@code GEMINI_BASE_URL} / {@code MISTRAL_BASE_URL}, or null: live, a proxy or gateway instead of
 *                  the provider's own endpoint; simulated, an already running simulator instead of an embedded one
 */
public record VendorSettings(Protocol protocol, Provider.Mode mode, String modelName, ApiKey apiKey, String baseUrl) {

    static VendorSettings from(Protocol protocol, LlmMode llmMode, Variables variables) {
        ApiKey apiKey = key(protocol, variables);
        String modelName = variables.get(modelVariable(protocol)).orElse(defaultModel(protocol));
        String baseUrl = variables.parse(baseUrlVariable(protocol), null, VendorSettings::parseBaseUrl,
                "an http:// or https:// URL, e.g. http://127.0.0.1:8787" + defaultPath(protocol));
        return new VendorSettings(protocol, llmMode.resolve(apiKey != null), modelName, apiKey, baseUrl);
    }

    /** The first key variable that is set; a value that cannot be a key is refused without showing it. */
    private static ApiKey key(Protocol protocol, Variables variables) {
        for (String name : keyVariables(protocol)) {
            Optional<String> value = variables.get(name);
            if (value.isPresent()) {
                try {
                    return new ApiKey(value.get());
                } catch (IllegalArgumentException e) {
                    throw new ProviderConfigException(name + " holds a character no API key has (a space, a quote, a"
                            + " control or non-ASCII character such as smart quotes pasted from a document):"
                            + " copy the key again");
                }
            }
        }
        return null;
    }

    /** The variables the key is read from, first one set wins. */
    static List<String> keyVariables(Protocol protocol) {
        return switch (protocol) {
            case GEMINI -> List.of("GOOGLE_API_KEY", "GEMINI_API_KEY", "GOOGLE_AI_GEMINI_API_KEY");
            case MISTRAL -> List.of("MISTRAL_API_KEY", "MISTRALAI_API_KEY", "MISTRAL_AI_API_KEY");
        };
    }

    static String modelVariable(Protocol protocol) {
        return switch (protocol) {
            case GEMINI -> "GEMINI_MODEL";
            case MISTRAL -> "MISTRAL_MODEL";
        };
    }

    static String baseUrlVariable(Protocol protocol) {
        return switch (protocol) {
            case GEMINI -> "GEMINI_BASE_URL";
            case MISTRAL -> "MISTRAL_BASE_URL";
        };
    }

    static String defaultModel(Protocol protocol) {
        return switch (protocol) {
            case GEMINI -> "gemini-2.5-flash";
            case MISTRAL -> "mistral-small-latest";
        };
    }

    private static String defaultPath(Protocol protocol) {
        return switch (protocol) {
            case GEMINI -> "/v1beta";
            case MISTRAL -> "/v1";
        };
    }

    private static String parseBaseUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
            }
        } catch (URISyntaxException notAUri) {
            // reported below like any other bad value
        }
        throw new IllegalArgumentException("not an http(s) URL");
    }

    public Optional<ApiKey> key() {
        return Optional.ofNullable(apiKey);
    }

    public Optional<String> baseUrlOverride() {
        return Optional.ofNullable(baseUrl);
    }

    /** The key live mode needs, or the one-line message that says which variable to set. */
    ApiKey requireKey() {
        return key().orElseThrow(() -> new ProviderConfigException(
                "LLM_MODE=live but no %s key: set %s in .env or the environment, or use LLM_MODE=auto to fall back to the simulator"
                        .formatted(protocol.displayName(), keyVariables(protocol).getFirst())));
    }
}
