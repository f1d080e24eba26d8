package io.github.asynccookbook.recipes;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.github.asynccookbook.providers.ModelOptions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A forced fault ends in the HttpError with its status, for both providers; a plain prompt in an Answer. */
class SafeInvokeTest {

    @RegisterExtension
    static SimulatorExtension sim = new SimulatorExtension();

    @ParameterizedTest
    @CsvSource({"gemini,429,true", "gemini,500,true", "gemini,503,true",
            "mistral,429,true", "mistral,500,true", "mistral,503,true"})
    void aForcedHttpFaultBecomesAnHttpErrorWithItsStatus(String vendor, int status, boolean retriable) {
        ChatModel model = noRetries(vendor);

        SafeInvoke.Result result = SafeInvoke.safeInvoke(model, ask("Hello [sim:fault=" + status + "]"));

        assertThat(result).isInstanceOfSatisfying(SafeInvoke.HttpError.class, error -> {
            assertThat(error.status()).isEqualTo(status);
            assertThat(error.retriable()).isEqualTo(retriable);
        });
    }

    @ParameterizedTest
    @CsvSource({"gemini", "mistral"})
    void aPlainPromptBecomesAnAnswer(String vendor) {
        SafeInvoke.Result result = SafeInvoke.safeInvoke(noRetries(vendor), ask("Hello"));

        assertThat(result).isInstanceOfSatisfying(SafeInvoke.Answer.class,
                answer -> assertThat(answer.text()).isNotBlank());
    }

    @ParameterizedTest
    @CsvSource({"gemini", "mistral"})
    void aStallBeforeHeadersLongerThanTheClientTimeoutBecomesATimeout(String vendor) {
        var providers = ProviderSet.forSimulator(sim.simulator());
        Provider provider = vendor.equals("gemini") ? providers.gemini() : providers.mistral();
        ChatModel model = provider.chatModel(ModelOptions.builder()
                .maxOutputTokens(30).maxRetries(0).timeout(java.time.Duration.ofMillis(200)).build());

        SafeInvoke.Result result = SafeInvoke.safeInvoke(model, ask("Hello [sim:fault=stall-headers]"));

        assertThat(result).isInstanceOf(SafeInvoke.Timeout.class);
    }

    private static ChatRequest ask(String prompt) {
        return ChatRequest.builder().messages(UserMessage.from(prompt)).build();
    }

    private static ChatModel noRetries(String vendor) {
        var providers = ProviderSet.forSimulator(sim.simulator());
        Provider provider = vendor.equals("gemini") ? providers.gemini() : providers.mistral();
        return provider.chatModel(ModelOptions.builder().maxOutputTokens(30).maxRetries(0).build());
    }
}
