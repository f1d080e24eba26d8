package io.github.asynccookbook.providers;

import io.github.asynccookbook.simulator.Protocol;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.HashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Real API calls, skipped for a provider without a key; run with {@code -Dgroups=live} and keys in .env. */
@Tag("live")
class LiveProvidersTest {

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void liveModelAnswers(Protocol protocol) {
        var variables = new HashMap<>(System.getenv());
        variables.put("LLM_MODE", "live"); // surefire sets LLM_MODE=simulator for every test
        var settings = ProviderSettings.load(Path.of(""), variables);
        assumeTrue(settings.vendor(protocol).key().isPresent(), "no " + protocol.displayName() + " key");

        Provider provider = ProviderSet.of(settings).get(protocol);

        assertThat(provider.mode()).isEqualTo(Provider.Mode.LIVE);
        assertThat(provider.chatModel().chat("Reply with the single word: pong")).isNotBlank();
    }
}
