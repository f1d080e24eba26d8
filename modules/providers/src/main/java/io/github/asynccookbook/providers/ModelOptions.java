package io.github.asynccookbook.providers;

import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequestParameters;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a chapter may change on a model it asks a {@link Provider} for. Null means "the library's default":
 * LangChain4j 1.18 times out after 60 s without response headers and retries a failed unary call twice.
 * Streaming models never retry, so they ignore {@code maxRetries}.
 *
 * <pre>{@code
 * ChatModel model = provider.chatModel(ModelOptions.builder().maxRetries(0).timeout(Duration.ofSeconds(5)).build());
 * }</pre>
 *
 * @param modelName    another model than the provider's default, or null
 * @param logRequests  log each HTTP request at INFO (headers and body)
 * @param logResponses log each HTTP response at INFO
 * @param capabilities what the model declares beyond its defaults, e.g. {@link Capability#RESPONSE_FORMAT_JSON_SCHEMA}:
 *                     then an AI service returning a record sends the record's JSON schema (Gemini
 *                     {@code responseSchema}, Mistral {@code response_format}) instead of instructions in the prompt
 * @param httpClientBuilder the transport, or null for LangChain4j's JDK one. Always passed to the model explicitly:
 *                     with a second transport on the classpath (the cookbook's Reactor Netty one) LangChain4j's
 *                     service loader would refuse to choose
 */
public record ModelOptions(String modelName, Duration timeout, Integer maxRetries, Integer maxOutputTokens,
                           Double temperature, List<ChatModelListener> listeners, boolean logRequests,
                           boolean logResponses, Set<Capability> capabilities, HttpClientBuilder httpClientBuilder) {

    private static final ModelOptions DEFAULTS = builder().build();

    public ModelOptions {
        listeners = List.copyOf(listeners);
        capabilities = Set.copyOf(capabilities);
    }

    public static ModelOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .modelName(modelName)
                .timeout(timeout)
                .maxRetries(maxRetries)
                .maxOutputTokens(maxOutputTokens)
                .temperature(temperature)
                .listeners(listeners)
                .logRequests(logRequests)
                .logResponses(logResponses)
                .capabilities(capabilities)
                .httpClientBuilder(httpClientBuilder);
    }

    /** The transport to build the model with: the chosen one, else a new JDK one (LangChain4j's default). */
    HttpClientBuilder transport() {
        return httpClientBuilder != null ? httpClientBuilder : JdkHttpClient.builder();
    }

    String modelNameOr(String defaultModelName) {
        return modelName != null ? modelName : defaultModelName;
    }

    /** Model name, temperature and output cap: the request parameters both providers' builders take alike. */
    ChatRequestParameters requestParameters(String defaultModelName) {
        return ChatRequestParameters.builder()
                .modelName(modelNameOr(defaultModelName))
                .temperature(temperature)
                .maxOutputTokens(maxOutputTokens)
                .build();
    }

    public static final class Builder {
        private String modelName;
        private Duration timeout;
        private Integer maxRetries;
        private Integer maxOutputTokens;
        private Double temperature;
        private final List<ChatModelListener> listeners = new ArrayList<>();
        private boolean logRequests;
        private boolean logResponses;
        private Set<Capability> capabilities = Set.of();
        private HttpClientBuilder httpClientBuilder;

        private Builder() {
        }

        public Builder modelName(String modelName) { this.modelName = modelName; return this; }
        public Builder timeout(Duration timeout) { this.timeout = timeout; return this; }
        public Builder maxRetries(Integer maxRetries) { this.maxRetries = maxRetries; return this; }
        public Builder maxOutputTokens(Integer maxOutputTokens) { this.maxOutputTokens = maxOutputTokens; return this; }
        public Builder temperature(Double temperature) { this.temperature = temperature; return this; }
        public Builder logRequests(boolean logRequests) { this.logRequests = logRequests; return this; }
        public Builder logResponses(boolean logResponses) { this.logResponses = logResponses; return this; }

        public Builder capabilities(Set<Capability> capabilities) { this.capabilities = capabilities; return this; }

        /** Another transport than LangChain4j's JDK one, e.g. {@code new ReactorNettyHttpClientBuilder()}. */
        public Builder httpClientBuilder(HttpClientBuilder httpClientBuilder) {
            this.httpClientBuilder = httpClientBuilder;
            return this;
        }

        /** Adds a listener after those already added. */
        public Builder listener(ChatModelListener listener) {
            listeners.add(listener);
            return this;
        }

        /** Replaces the listeners added so far. */
        public Builder listeners(List<ChatModelListener> listeners) {
            this.listeners.clear();
            this.listeners.addAll(listeners);
            return this;
        }

        public ModelOptions build() {
            return new ModelOptions(modelName, timeout, maxRetries, maxOutputTokens, temperature, listeners,
                    logRequests, logResponses, capabilities, httpClientBuilder);
        }
    }
}
