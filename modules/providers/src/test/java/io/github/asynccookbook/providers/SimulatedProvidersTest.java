package io.github.asynccookbook.providers;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import io.github.asynccookbook.simulator.ModelStats;
import io.github.asynccookbook.simulator.Simulator;
import io.github.asynccookbook.simulator.SimulatorConfig;
import io.github.asynccookbook.simulator.Tier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Both providers against a simulator started by the test, as chapter tests do it. */
class SimulatedProvidersTest {

    private static final String QUESTION = "Why do some birds migrate?";

    private static Simulator simulator;
    private static ProviderSet providers;

    @BeforeAll
    static void startSimulator() {
        simulator = Simulator.start(SimulatorConfig.defaults().toBuilder()
                .timeScale(0.02).tier(Tier.UNLIMITED).build());
        providers = ProviderSet.forSimulator(simulator);
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @BeforeEach
    void resetStats() {
        simulator.resetStats();
    }

    @Test
    void declaredCapabilitiesReachBothModels() {
        var jsonSchema = ModelOptions.builder()
                .capabilities(java.util.Set.of(dev.langchain4j.model.chat.Capability.RESPONSE_FORMAT_JSON_SCHEMA))
                .build();
        for (Provider provider : List.of(providers.gemini(), providers.mistral())) {
            assertThat(provider.chatModel(jsonSchema).supportedCapabilities())
                    .contains(dev.langchain4j.model.chat.Capability.RESPONSE_FORMAT_JSON_SCHEMA);
            assertThat(provider.chatModel().supportedCapabilities())
                    .doesNotContain(dev.langchain4j.model.chat.Capability.RESPONSE_FORMAT_JSON_SCHEMA);
        }
    }

    @Test
    void providersPointAtTheGivenSimulator() {
        assertThat(providers.gemini().mode()).isEqualTo(Provider.Mode.SIMULATOR);
        assertThat(providers.gemini().baseUrl()).isEqualTo(simulator.geminiBaseUrl());
        assertThat(providers.gemini().simulator()).containsSame(simulator);
        assertThat(providers.mistral().baseUrl()).isEqualTo(simulator.mistralBaseUrl());
        assertThat(providers.describe().lines()).containsExactly(
                "Gemini  : simulator  " + simulator.geminiBaseUrl() + "  model gemini-2.5-flash",
                "Mistral : simulator  " + simulator.mistralBaseUrl() + "  model mistral-small-latest");
    }

    @Test
    void geminiChatModelAnswers() {
        String answer = providers.gemini().chatModel().chat(QUESTION);

        assertThat(answer).isNotBlank();
        assertOneSuccessfulRequest("gemini-2.5-flash", false);
    }

    @Test
    void mistralChatModelAnswers() {
        String answer = providers.mistral().chatModel().chat(QUESTION);

        assertThat(answer).isNotBlank();
        assertOneSuccessfulRequest("mistral-small-latest", false);
    }

    @Test
    void geminiStreamingChatModelStreams() throws Exception {
        ChatResponse response = stream(providers.gemini().streamingChatModel());

        assertThat(response.aiMessage().text()).isNotBlank();
        assertOneSuccessfulRequest("gemini-2.5-flash", true);
    }

    @Test
    void mistralStreamingChatModelStreams() throws Exception {
        ChatResponse response = stream(providers.mistral().streamingChatModel());

        assertThat(response.aiMessage().text()).isNotBlank();
        assertOneSuccessfulRequest("mistral-small-latest", true);
    }

    @Test
    void modelOptionsReachTheModel() {
        var options = ModelOptions.builder().modelName("mistral-large-latest").maxRetries(0).build();

        providers.mistral().chatModel(options).chat(QUESTION);

        assertThat(simulator.stats().model("mistral-large-latest").requests()).isEqualTo(1);
        assertThat(simulator.stats().model("mistral-small-latest").requests()).isZero();
    }

    @Test
    void anOwnSetSharesOneSimulatorAndStopsItOnClose() {
        var settings = ProviderSettings.from(Map.of("LLM_MODE", "simulator", "SIM_TIME_SCALE", "0.02"));
        Provider mistral;
        try (ProviderSet own = ProviderSet.of(settings)) {
            Provider gemini = own.gemini();
            mistral = own.mistral();

            assertThat(mistral.simulator().orElseThrow()).isSameAs(gemini.simulator().orElseThrow());
            assertThat(gemini.simulator().orElseThrow().config().timeScale()).isEqualTo(0.02);
            assertThat(mistral.chatModel().chat(QUESTION)).isNotBlank();
        }

        ChatModel afterClose = mistral.chatModel(ModelOptions.builder().maxRetries(0).build());
        assertThatThrownBy(() -> afterClose.chat(QUESTION)).hasCauseInstanceOf(ConnectException.class);
    }

    private static ChatResponse stream(StreamingChatModel model) throws Exception {
        var done = new CompletableFuture<ChatResponse>();
        model.chat(QUESTION, new StreamingChatResponseHandler() {
            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        return done.get(30, TimeUnit.SECONDS);
    }

    private static void assertOneSuccessfulRequest(String model, boolean streamed) {
        ModelStats stats = simulator.stats().model(model);
        assertThat(stats.requests()).isEqualTo(1);
        assertThat(stats.count(200)).isEqualTo(1);
        assertThat(simulator.stats().requests(model)).extracting(r -> r.stream()).isEqualTo(List.of(streamed));
    }
}
