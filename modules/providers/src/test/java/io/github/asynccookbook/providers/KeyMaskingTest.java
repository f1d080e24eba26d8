package io.github.asynccookbook.providers;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KeyMaskingTest {

    private static final String GOOGLE_KEY = "AIzaSyA-secret-middle-part-0001";
    private static final String MISTRAL_KEY = "sk-mistral-secret-middle-9f2c";

    private final ProviderSettings settings = ProviderSettings.from(Map.of(
            "GOOGLE_API_KEY", GOOGLE_KEY, "MISTRAL_API_KEY", MISTRAL_KEY));

    @Test
    void keysShowOnlyTheirEnds() {
        assertThat(new ApiKey(MISTRAL_KEY).masked()).isEqualTo("sk-...9f2c");
        assertThat(new ApiKey(MISTRAL_KEY)).hasToString("sk-...9f2c");
        assertThat(new ApiKey("short-key").masked()).isEqualTo("****");
    }

    @Test
    void liveLinesShowModeEndpointModelAndMaskedKey() {
        ProviderSet providers = ProviderSet.of(settings);

        assertThat(providers.mistral().describe())
                .isEqualTo("Mistral : live  https://api.mistral.ai/v1  model mistral-small-latest  key sk-...9f2c");
        assertThat(providers.gemini().describe()).isEqualTo("Gemini  : live  "
                + "https://generativelanguage.googleapis.com/v1beta  model gemini-2.5-flash  key AIz...0001");
    }

    @Test
    void nothingPrintableContainsAKey() {
        ProviderSet providers = ProviderSet.of(settings);

        String printed = String.join("\n", settings.toString(), settings.gemini().toString(),
                settings.mistral().toString(), providers.describe(), providers.gemini().toString(),
                providers.mistral().toString());

        assertThat(printed).doesNotContain("secret-middle");
    }

    @Test
    void anUnusableProviderIsDescribedNotThrown() {
        ProviderSet providers = ProviderSet.of(ProviderSettings.from(Map.of(
                "LLM_MODE", "live", "GOOGLE_API_KEY", GOOGLE_KEY)));

        assertThat(providers.describe().lines()).containsExactly(
                "Gemini  : live  https://generativelanguage.googleapis.com/v1beta  model gemini-2.5-flash  key AIz...0001",
                "Mistral : live  unavailable: LLM_MODE=live but no Mistral key: set MISTRAL_API_KEY in .env or the"
                        + " environment, or use LLM_MODE=auto to fall back to the simulator");
    }
}
