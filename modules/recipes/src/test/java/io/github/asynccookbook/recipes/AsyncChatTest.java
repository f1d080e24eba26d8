package io.github.asynccookbook.recipes;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.github.asynccookbook.harness.GroundTruth;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.Simulator;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang fails the test, not the build
class AsyncChatTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    /** Slow enough (TTFT ~160 ms) that "returned before the first token" is about the code, not scheduling luck. */
    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(c -> c.timeScale(0.25));

    @BeforeEach
    void startQuiet() {
        GroundTruth.awaitQuiet(sim.simulator());
        sim.simulator().reset();
    }

    private static StreamingChatModel model(String provider) {
        return ProviderSet.forSimulator(sim.simulator()).get(provider).streamingChatModel();
    }

    private static RequestRecord onlyRequest() {
        assertThat(sim.simulator().stats().requests()).hasSize(1);
        return sim.simulator().stats().requests().getFirst();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void returnsBeforeTheFirstTokenIsSent(String provider) throws Exception {
        Simulator simulator = sim.simulator();
        var future = AsyncChat.chatAsync(model(provider), "[sim:tokens=20] Why do some birds migrate?");
        double returnedAt = simulator.millisAt(System.nanoTime());
        boolean doneOnReturn = future.isDone();

        var response = future.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(doneOnReturn).isFalse();
        assertThat(onlyRequest().firstTokenMillis()).isGreaterThan(returnedAt);
        assertThat(response.aiMessage().text()).isNotBlank();
        assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(20);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void aServerErrorFailsTheFutureWithLangChain4jsExceptionAndIsNotRetried(String provider) {
        var future = AsyncChat.chatAsync(model(provider), "[sim:fault=500] Why do some birds migrate?");

        assertThat(future).failsWithin(WAIT).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(InternalServerException.class);
        assertThat(onlyRequest().status()).isEqualTo(500);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void aRateLimitFailsTheFutureWithRateLimitException(String provider) {
        var future = AsyncChat.chatAsync(model(provider), "[sim:fault=429] Why do some birds migrate?");

        assertThat(future).failsWithin(WAIT).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(RateLimitException.class);
        assertThat(onlyRequest().status()).isEqualTo(429);
    }

    @Test
    void aRequestRejectedBeforeSendingFailsTheFutureInsteadOfThrowing() {
        var request = ChatRequest.builder().messages(UserMessage.from("Why do some birds migrate?")).topK(5).build();

        var future = AsyncChat.chatAsync(model("mistral"), request); // Mistral has no top-k: thrown by chat()

        assertThat(future).failsWithin(WAIT).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(UnsupportedFeatureException.class);
        assertThat(sim.simulator().stats().requests()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void cancellingTheFutureClosesTheHttpStream(String provider) {
        var future = AsyncChat.chatAsync(model(provider), "[sim:tokens=3000] Why do some birds migrate?");
        await().atMost(WAIT).until(() -> !sim.simulator().stats().requests().isEmpty()
                && onlyRequest().firstTokenMillis() != null);

        future.cancel(true);

        await().atMost(WAIT).until(() -> onlyRequest().completionMillis() != null);
        RequestRecord request = onlyRequest();
        assertThat(request.clientDisconnected()).isTrue();
        assertThat(request.tokensSent()).isLessThan(request.plannedTokens());
    }
}
