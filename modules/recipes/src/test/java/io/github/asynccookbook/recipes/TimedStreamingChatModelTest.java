package io.github.asynccookbook.recipes;

import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.model.chat.StreamingChatModel;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The TTFT timer counts every call that streamed, and no client can see its first chunk before the server sent it. */
class TimedStreamingChatModelTest {

    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(c -> c.timeScale(0.2));

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void recordsTheTimeToFirstChunkOfEachStreamedCall(String provider) {
        var registry = new SimpleMeterRegistry();
        StreamingChatModel model = new TimedStreamingChatModel(
                ProviderSet.forSimulator(sim.simulator()).get(provider).streamingChatModel(), registry);

        long start = System.nanoTime();
        AsyncChat.chatAsync(model, "Why measure TTFT?").join();
        long total = System.nanoTime() - start;
        assertThatThrownBy(() -> AsyncChat.chatAsync(model, "Fail [sim:fault=500]").join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(InternalServerException.class);

        List<RequestRecord> requests = sim.simulator().stats().requests();
        Timer timer = registry.get(TimedStreamingChatModel.TIME_TO_FIRST_CHUNK)
                .tag("gen_ai.request.model", requests.getFirst().model()).timer();
        assertThat(timer.count()).isOne();   // the failed call had no first chunk
        assertThat(timer.totalTime(TimeUnit.NANOSECONDS))
                .isGreaterThanOrEqualTo(Math.round(requests.getFirst().appliedTtftMillis() * 1e6))
                .isLessThanOrEqualTo(total);
    }
}
