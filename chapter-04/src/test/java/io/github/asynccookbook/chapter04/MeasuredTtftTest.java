package io.github.asynccookbook.chapter04;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.recipes.StreamingFlux;
import io.github.asynccookbook.recipes.TtftMeter;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.Simulator;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The client's TTFT against the TTFT the simulator applied to the same request (first chunk written minus request
 * arrival, server side), on the simulator's clock: same JVM, same {@link System#nanoTime()}. The client's readings
 * must bracket the server's: the clock starts before the request arrives, the first token is read after it was
 * written, the stream ends after the server completed it. These hold exactly whatever the machine's load; how
 * close the two TTFTs are is a measured figure (the README's), not an assertion, since waiting for a core only adds.
 */
class MeasuredTtftTest {

    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(c -> c.timeScale(0.15));

    private static final int STREAMS = 5;

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void theMeasuredTimingsBracketWhatTheSimulatorDid(String provider) {
        Simulator simulator = sim.simulator();
        StreamingChatModel model = ProviderSet.forSimulator(simulator).get(provider).streamingChatModel();
        StreamingFlux.stream(model, ask(0)).blockLast();   // warm-up: class loading, JIT, connection
        for (int i = 1; i <= STREAMS; i++) {
            var meter = new TtftMeter();
            StreamingFlux.stream(model, ask(i), meter::start).blockLast();
            TtftMeter.Timing timing = meter.timing().orElseThrow();
            RequestRecord served = finished(simulator, i + 1);

            assertThat(simulator.millisAt(timing.startNanos())).isLessThanOrEqualTo(served.arrivalMillis());
            assertThat(simulator.millisAt(timing.firstTokenNanos())).isGreaterThanOrEqualTo(served.firstTokenMillis());
            assertThat(simulator.millisAt(timing.endNanos())).isGreaterThanOrEqualTo(served.completionMillis());
            assertThat(timing.ttft().toNanos() / 1e6).as("client TTFT >= applied TTFT, ms")
                    .isGreaterThanOrEqualTo(served.appliedTtftMillis());
            assertThat(timing.firstTokenNanos()).as("the first token, not the end").isLessThan(timing.endNanos());
            assertThat(timing.outputTokens()).isEqualTo(served.tokensSent()).isEqualTo(served.plannedTokens());
        }
    }

    private static ChatRequest ask(int i) {
        return ChatRequest.builder().messages(UserMessage.from("Question " + i + ": why measure TTFT?")).build();
    }

    private static RequestRecord finished(Simulator simulator, int count) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> simulator.stats().requests(),
                requests -> requests.size() == count && requests.getLast().completionMillis() != null).getLast();
    }
}
