package io.github.asynccookbook.chapter04;

import dev.langchain4j.service.AiServices;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pitfalls of langchain4j-reactor 1.10.0-beta18's {@code Flux<String>} with LangChain4j 1.18.1, as the
 * simulator sees them: the request leaves before anyone subscribes, and disposing the Flux leaves the HTTP stream
 * running to the end. The recipes' {@code StreamingFluxTest} shows the opposite for {@code StreamingFlux}.
 */
class LibraryFluxTest {

    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(c -> c.timeScale(0.2));

    private static _03_LibraryFlux.Assistant assistant(String provider) {
        return AiServices.builder(_03_LibraryFlux.Assistant.class)
                .streamingChatModel(ProviderSet.forSimulator(sim.simulator()).get(provider).streamingChatModel())
                .build();
    }

    private static RequestRecord onlyRequestOnceFinished() {
        return await().atMost(Duration.ofSeconds(20)).until(() -> sim.simulator().stats().requests(),
                requests -> requests.size() == 1 && requests.getFirst().completionMillis() != null).getFirst();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void theRequestLeavesBeforeAnyoneSubscribes(String provider) {
        Flux<String> subscribedLate = assistant(provider).chat("Why stream? [sim:tokens=50]");

        RequestRecord served = onlyRequestOnceFinished();   // answered in full, with nobody subscribed
        assertThat(served.tokensSent()).isEqualTo(served.plannedTokens());

        StepVerifier.create(subscribedLate)                 // the buffered answer, no second request
                .thenConsumeWhile(chunk -> true)
                .expectComplete()
                .verify(Duration.ofSeconds(20));
        assertThat(sim.simulator().stats().requests()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void disposingTheFluxDoesNotStopTheHttpStream(String provider) {
        assistant(provider).chat("Tell me a long story. [sim:tokens=400]").take(2).blockLast(Duration.ofSeconds(20));

        RequestRecord served = onlyRequestOnceFinished();
        assertThat(served.clientDisconnected()).isFalse();
        assertThat(served.tokensSent()).isEqualTo(served.plannedTokens());
        assertThat(sim.simulator().stats().model(served.model()).clientDisconnects()).isZero();
    }
}
