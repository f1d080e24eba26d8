package io.github.asynccookbook.providers;

import io.github.asynccookbook.simulator.Tier;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProviderSettingsTest {

    private static final String GOOGLE_KEY = "AIzaSyA-test-google-key-0123";
    private static final String MISTRAL_KEY = "mistral-test-key-abcdef9f2c";

    @Test
    void defaultsWithoutAnyVariable() {
        ProviderSettings settings = ProviderSettings.from(Map.of());

        assertThat(settings.llmMode()).isEqualTo(LlmMode.AUTO);
        assertThat(settings.gemini().mode()).isEqualTo(Provider.Mode.SIMULATOR);
        assertThat(settings.gemini().modelName()).isEqualTo("gemini-2.5-flash");
        assertThat(settings.gemini().key()).isEmpty();
        assertThat(settings.mistral().mode()).isEqualTo(Provider.Mode.SIMULATOR);
        assertThat(settings.mistral().modelName()).isEqualTo("mistral-small-latest");
        assertThat(settings.simulator()).isEqualTo(new SimulatorSettings(1.0, Tier.TIER1, 42, 0));
    }

    @Test
    void autoGoesLiveOnlyForTheProviderWithAKey() {
        ProviderSettings settings = ProviderSettings.from(Map.of("GOOGLE_API_KEY", GOOGLE_KEY));

        assertThat(settings.gemini().mode()).isEqualTo(Provider.Mode.LIVE);
        assertThat(settings.gemini().key()).contains(new ApiKey(GOOGLE_KEY));
        assertThat(settings.mistral().mode()).isEqualTo(Provider.Mode.SIMULATOR);
    }

    @Test
    void acceptsTheAliasKeyNamesAndPrefersTheMainOne() {
        assertThat(ProviderSettings.from(Map.of("GEMINI_API_KEY", GOOGLE_KEY)).gemini().key())
                .contains(new ApiKey(GOOGLE_KEY));
        assertThat(ProviderSettings.from(Map.of("GOOGLE_AI_GEMINI_API_KEY", GOOGLE_KEY)).gemini().key())
                .contains(new ApiKey(GOOGLE_KEY));
        assertThat(ProviderSettings.from(Map.of("MISTRAL_AI_API_KEY", MISTRAL_KEY)).mistral().key())
                .contains(new ApiKey(MISTRAL_KEY));
        assertThat(ProviderSettings.from(Map.of("GEMINI_API_KEY", "second-choice-key-1234", "GOOGLE_API_KEY", GOOGLE_KEY))
                .gemini().key()).contains(new ApiKey(GOOGLE_KEY));
    }

    @Test
    void blankValuesCountAsUnset() {
        ProviderSettings settings = ProviderSettings.from(Map.of(
                "GOOGLE_API_KEY", " ", "MISTRAL_API_KEY", "", "LLM_MODE", "", "GEMINI_MODEL", "", "SIM_TIER", ""));

        assertThat(settings.llmMode()).isEqualTo(LlmMode.AUTO);
        assertThat(settings.gemini().key()).isEmpty();
        assertThat(settings.mistral().key()).isEmpty();
        assertThat(settings.gemini().modelName()).isEqualTo("gemini-2.5-flash");
        assertThat(settings.simulator().tier()).isEqualTo(Tier.TIER1);
    }

    @Test
    void simulatorModeIgnoresKeys() {
        ProviderSettings settings = ProviderSettings.from(Map.of(
                "LLM_MODE", "Simulator", "GOOGLE_API_KEY", GOOGLE_KEY, "MISTRAL_API_KEY", MISTRAL_KEY));

        assertThat(settings.gemini().mode()).isEqualTo(Provider.Mode.SIMULATOR);
        assertThat(settings.mistral().mode()).isEqualTo(Provider.Mode.SIMULATOR);
    }

    @Test
    void liveModeIsLiveEvenWithoutKeys() {
        ProviderSettings settings = ProviderSettings.from(Map.of("LLM_MODE", "live"));

        assertThat(settings.gemini().mode()).isEqualTo(Provider.Mode.LIVE);
        assertThat(settings.mistral().mode()).isEqualTo(Provider.Mode.LIVE);
    }

    @Test
    void modelNamesAndSimulatorSettingsAreOverridable() {
        ProviderSettings settings = ProviderSettings.from(Map.of(
                "GEMINI_MODEL", "gemini-2.5-pro", "MISTRAL_MODEL", "mistral-large-latest",
                "SIM_TIME_SCALE", "0.1", "SIM_TIER", "free", "SIM_SEED", "7", "SIM_PORT", "18080"));

        assertThat(settings.gemini().modelName()).isEqualTo("gemini-2.5-pro");
        assertThat(settings.mistral().modelName()).isEqualTo("mistral-large-latest");
        assertThat(settings.simulator()).isEqualTo(new SimulatorSettings(0.1, Tier.FREE, 7, 18080));
        assertThat(settings.simulator().toConfig().timeScale()).isEqualTo(0.1);
        assertThat(settings.simulator().toConfig().port()).isEqualTo(18080);
    }

    @Test
    void unknownLlmModeSaysWhatToUse() {
        assertThatThrownBy(() -> ProviderSettings.from(Map.of("LLM_MODE", "real")))
                .isInstanceOf(ProviderConfigException.class)
                .hasMessage("LLM_MODE=real is not valid: use auto, simulator or live (in .env or the environment)");
    }

    @Test
    void badSimulatorValuesSayWhatToUse() {
        assertThatThrownBy(() -> ProviderSettings.from(Map.of("SIM_TIME_SCALE", "fast")))
                .isInstanceOf(ProviderConfigException.class)
                .hasMessageStartingWith("SIM_TIME_SCALE=fast is not valid: use a number >= 0");
        assertThatThrownBy(() -> ProviderSettings.from(Map.of("SIM_TIME_SCALE", "-1")))
                .hasMessageStartingWith("SIM_TIME_SCALE=-1 is not valid");
        assertThatThrownBy(() -> ProviderSettings.from(Map.of("SIM_TIME_SCALE", "NaN")))
                .hasMessageStartingWith("SIM_TIME_SCALE=NaN is not valid");
        assertThatThrownBy(() -> ProviderSettings.from(Map.of("SIM_TIER", "tier9")))
                .hasMessageStartingWith("SIM_TIER=tier9 is not valid: use free, tier1 or unlimited");
        assertThatThrownBy(() -> ProviderSettings.from(Map.of("SIM_SEED", "4.2")))
                .hasMessageStartingWith("SIM_SEED=4.2 is not valid: use a whole number");
        assertThatThrownBy(() -> ProviderSettings.from(Map.of("SIM_PORT", "70000")))
                .hasMessageStartingWith("SIM_PORT=70000 is not valid: use a port from 1 to 65535, or 0");
    }

    @Test
    void liveWithoutKeyNamesTheVariableToSet() {
        ProviderSettings settings = ProviderSettings.from(Map.of("LLM_MODE", "live", "GOOGLE_API_KEY", GOOGLE_KEY));

        assertThat(ProviderSet.of(settings).gemini().mode()).isEqualTo(Provider.Mode.LIVE);
        assertThatThrownBy(() -> ProviderSet.of(settings).mistral())
                .isInstanceOf(ProviderConfigException.class)
                .hasMessage("LLM_MODE=live but no Mistral key: set MISTRAL_API_KEY in .env or the environment,"
                        + " or use LLM_MODE=auto to fall back to the simulator");
    }

    @Test
    void unknownProviderNameSaysWhatToUse() {
        ProviderSet providers = ProviderSet.of(ProviderSettings.from(Map.of("LLM_MODE", "live")));

        assertThatThrownBy(() -> providers.select("openai"))
                .isInstanceOf(ProviderConfigException.class)
                .hasMessage("unknown provider 'openai': use gemini, mistral or both");
        assertThatThrownBy(() -> providers.get("both"))
                .hasMessage("unknown provider 'both': use gemini or mistral");
    }

    @Test
    void selectReturnsTheChosenProvidersInOrder() {
        ProviderSet providers = ProviderSet.of(ProviderSettings.from(Map.of(
                "LLM_MODE", "live", "GOOGLE_API_KEY", GOOGLE_KEY, "MISTRAL_API_KEY", MISTRAL_KEY)));

        assertThat(providers.select(" Both ")).extracting(Provider::name).containsExactly("gemini", "mistral");
        assertThat(providers.select("mistral")).extracting(Provider::displayName).containsExactly("Mistral");
        assertThat(providers.get("GEMINI").baseUrl()).isEqualTo("https://generativelanguage.googleapis.com/v1beta");
    }
}
