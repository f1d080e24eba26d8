package io.github.asynccookbook.chapter03;

import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.simulator.Tier;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class WhatA429TellsTest {

    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(c -> c.tier(Tier.FREE));

    @Test
    void geminiHintsInTheBodyAndSendsNoHeaders() {
        var findings = _08_WhatA429Tells.inspect(ProviderSet.forSimulator(sim.simulator()).gemini());

        assertThat(findings.answerHeaders()).isEmpty();
        assertThat(findings.refusedStatus()).isEqualTo(429);
        assertThat(findings.hint()).hasValueSatisfying(hint -> assertThat(hint).isPositive());
    }

    @Test
    void mistralsHeadersAreReadableOnAnAnswerButA429LeavesNoHint() {
        var findings = _08_WhatA429Tells.inspect(ProviderSet.forSimulator(sim.simulator()).mistral());

        assertThat(findings.answerHeaders())
                .containsEntry("x-ratelimit-limit-req-second", "1")
                .containsEntry("x-ratelimit-remaining-req-second", "0")
                .containsKeys("x-ratelimit-limit-tokens-minute", "x-ratelimit-remaining-tokens-minute");
        assertThat(findings.refusedStatus()).isEqualTo(429);
        assertThat(findings.hint()).isEmpty();
    }
}
