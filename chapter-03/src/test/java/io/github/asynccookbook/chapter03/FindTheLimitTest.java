package io.github.asynccookbook.chapter03;

import io.github.asynccookbook.harness.Questions;
import io.github.asynccookbook.providers.ModelOptions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.simulator.Tier;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Time scale 0.5 keeps Mistral's one-second window at 500 ms, far wider than the scheduling jitter of a machine
 * at load average 20, so two requests fired at once always land in the same window.
 */
class FindTheLimitTest {

    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(c -> c.tier(Tier.FREE).timeScale(0.5));

    @ParameterizedTest(name = "{0}")
    @CsvSource({"gemini, 11", "mistral, 2"})
    void the429sBeginOneRequestAboveTheTiersLimit(String providerName, int firstRefused) throws Exception {
        Provider provider = ProviderSet.forSimulator(sim.simulator()).get(providerName);
        var model = provider.chatModel(ModelOptions.builder()
                .maxOutputTokens(_05_HandBuiltRateLimiter.MAX_ANSWER_TOKENS).maxRetries(0).build());

        List<_01_FindTheLimit.Round> rounds = _01_FindTheLimit.findTheLimit(model, Questions.numbered(16),
                sim.simulator()::reset);

        assertThat(rounds).filteredOn(round -> round.refused() > 0)
                .extracting(_01_FindTheLimit.Round::atOnce).allMatch(atOnce -> atOnce >= firstRefused)
                .contains(firstRefused);
        assertThat(rounds).filteredOn(round -> round.refused() == 0)
                .extracting(_01_FindTheLimit.Round::atOnce).allMatch(atOnce -> atOnce < firstRefused);
        assertThat(rounds).allSatisfy(round -> assertThat(round.answered())
                .isEqualTo(Math.min(round.atOnce(), firstRefused - 1)));
    }
}
