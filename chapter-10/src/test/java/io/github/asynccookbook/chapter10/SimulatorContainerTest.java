package io.github.asynccookbook.chapter10;

import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.simulator.Simulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator running as a container: LangChain4j's Gemini and Mistral models call its mapped port, the tests
 * read the ground truth it recorded over {@code /_sim/stats}.
 */
class SimulatorContainerTest {

    Simulator remote;

    @BeforeEach
    void resetGroundTruth() {
        remote = SharedSimulatorContainer.simulator();
        remote.reset();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void batchAgainstTheContainerKeepsOrderAndTheLimit(String name) {
        Provider provider = ProviderSet.forSimulator(remote).get(name);
        List<String> prompts = IntStream.range(0, 6).mapToObj(i -> "Question " + i).toList();

        List<String> answers = Main.boundedBatch(provider.chatModel(), prompts, 2);

        assertThat(answers).hasSize(6).doesNotContainNull();
        assertThat(remote.stats().requests()).hasSize(6);
        assertThat(remote.stats().maxInFlight()).isLessThanOrEqualTo(2);
    }
}
