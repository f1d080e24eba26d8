package io.github.asynccookbook.chapter03;

import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.simulator.Simulator;
import io.github.asynccookbook.simulator.Tier;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LangChain4j's built-in retry against Gemini's free tier. Its delays are fixed in real time (about 0.5 s and
 * 0.8 s), so the window must outlast them for the comparison to mean what it means live: at time scale 0.2 a
 * minute lasts 12 s, ten times what the built-in retries take, so even a badly delayed request stays inside it
 * (the tour runs at 0.05, 3 s).
 */
class BuiltInRetryTest {

    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(c -> c.tier(Tier.FREE).timeScale(0.2));

    @Test
    void theBuiltInRetryGivesUpBeforeTheHintWhileRetryOnRateLimitWaitsAndIsAnswered() throws Exception {
        Simulator simulator = sim.simulator();
        Provider gemini = ProviderSet.forSimulator(simulator).gemini();

        List<_07_RetryHonouringTheHint.Burst> bursts = _07_RetryHonouringTheHint.compare(simulator, gemini,
                OptionalInt.empty());

        var builtIn = bursts.get(0);
        assertThat(builtIn.answered()).as("one of the 11 was refused three times").isEqualTo(10);
        assertThat(builtIn.requestsSent()).as("11 questions + 2 wasted retries").isEqualTo(13);
        assertThat(builtIn.lastHint()).as("the provider still asked it to wait")
                .hasValueSatisfying(hint -> assertThat(hint).isPositive());

        var hinted = bursts.get(1);
        assertThat(hinted.answered()).isEqualTo(11);
        assertThat(hinted.requestsSent()).as("11 questions + 1 retry, sent when the window had room")
                .isEqualTo(12);
        assertThat(simulator.stats().model(gemini.modelName()).count(200)).isEqualTo(11);
    }
}
