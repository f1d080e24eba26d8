package io.github.asynccookbook.providers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Keys and settings as users really paste them: the error is one line, names the variable, never shows the key. */
class HostileSettingsTest {

    private static final String SECRET = "AIzaSyA-hostile-secret-0042";

    @TempDir
    Path root;

    @ParameterizedTest
    @ValueSource(strings = {"\u201C" + SECRET + "\u201D", "AIzaSyA-hostile\u0007-secret-0042", SECRET + "\nMORE", SECRET + " trailing",
            "'" + SECRET, SECRET + "\"", "\u00A0" + SECRET})
    void aKeyNoProviderIssuedIsRefusedWithoutShowingIt(String pasted) {
        assertThatThrownBy(() -> ProviderSettings.from(Map.of("GOOGLE_API_KEY", pasted)))
                .isInstanceOf(ProviderConfigException.class)
                .hasMessageContaining("GOOGLE_API_KEY")
                .hasMessageContaining("copy the key again")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hostile").doesNotContain("\n"));
    }

    @Test
    void theSourceMaterialsMistralVariableWorks() {
        ProviderSettings settings = ProviderSettings.from(Map.of("MISTRALAI_API_KEY", "mistral-key-from-source-0001"));

        assertThat(settings.mistral().mode()).isEqualTo(Provider.Mode.LIVE);
        assertThat(settings.mistral().apiKey().value()).isEqualTo("mistral-key-from-source-0001");
    }

    @Test
    void scrubMasksEveryLoadedKeyPlainAndUrlEncoded() {
        ProviderSettings.from(Map.of("MISTRAL_API_KEY", "sk/with+specials=0042"));

        String scrubbed = ApiKey.scrub("header sk/with+specials=0042 and query key=sk%2Fwith%2Bspecials%3D0042");

        assertThat(scrubbed).doesNotContain("with+specials").doesNotContain("with%2Bspecials")
                .contains("sk/...0042");
    }

    @Test
    void anUnclosedQuoteInDotEnvNamesTheLineNotTheValue() throws IOException {
        Files.writeString(root.resolve(".env.example"), "");
        Files.writeString(root.resolve(".env"), "LLM_MODE=auto\nGOOGLE_API_KEY=\"" + SECRET + "\n");

        assertThatThrownBy(() -> ProviderSettings.load(root, Map.of()))
                .isInstanceOf(ProviderConfigException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("GOOGLE_API_KEY opens a quote it never closes")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hostile-secret"));
    }

    @Test
    void aBaseUrlOverrideSendsLiveRequestsThroughAProxy() {
        ProviderSet providers = ProviderSet.of(ProviderSettings.from(Map.of(
                "GOOGLE_API_KEY", SECRET, "GEMINI_BASE_URL", "https://llm-gateway.example.com/gemini/v1beta/")));

        assertThat(providers.gemini().baseUrl()).isEqualTo("https://llm-gateway.example.com/gemini/v1beta");
        assertThat(providers.gemini().describe()).doesNotContain("hostile-secret");
    }

    @Test
    void aBaseUrlThatIsNoUrlSaysWhatToUse() {
        assertThatThrownBy(() -> ProviderSettings.from(Map.of("MISTRAL_BASE_URL", "localhost:8787")))
                .isInstanceOf(ProviderConfigException.class)
                .hasMessageContaining("MISTRAL_BASE_URL")
                .hasMessageContaining("http://127.0.0.1:8787/v1");
    }
}
