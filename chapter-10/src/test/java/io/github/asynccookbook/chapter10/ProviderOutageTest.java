package io.github.asynccookbook.chapter10;

import com.github.dockerjava.api.DockerClient;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.recipes.StreamingFlux;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.Simulator;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testcontainers.DockerClientFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A provider outage mid-stream: the simulator's container is paused (frozen, its connections left open, as when a
 * provider hangs), the client's idle timeout fires, and the fallback provider answers. The paused simulator's own
 * ground truth, read once it runs again, shows the stream was cut: a disconnect, far fewer tokens sent than planned.
 */
class ProviderOutageTest {

    /** The fallback: another provider, here an in-process simulator, so the outage of the first does not touch it. */
    @RegisterExtension
    static SimulatorExtension backup = new SimulatorExtension();

    /** A first chunk may take long (time to first token, a cold server); after it, chunks come every few ms. */
    static final Duration FIRST_CHUNK = Duration.ofSeconds(30);
    static final Duration IDLE = Duration.ofSeconds(3);

    SimulatorContainer container;
    Simulator primary;

    @BeforeEach
    void resetGroundTruth() {
        container = SharedSimulatorContainer.container();
        primary = SharedSimulatorContainer.simulator();
        primary.reset();
    }

    private static ChatRequest ask(String prompt) {
        return ChatRequest.builder().messages(UserMessage.from(prompt)).build();
    }

    // tag::outage[]
    @ParameterizedTest
    @CsvSource({"gemini, mistral", "mistral, gemini"})
    void aPausedProviderTripsTheIdleTimeoutAndTheFallbackAnswers(String primaryName, String backupName) {
        Provider first = ProviderSet.forSimulator(primary).get(primaryName);
        Provider second = ProviderSet.forSimulator(backup.simulator()).get(backupName);
        ChatRequest longAnswer = ask("Tell a long story [sim:tokens=60000]");
        ChatRequest question = ask("Tell a short story");
        List<String> primaryChunks = new CopyOnWriteArrayList<>();

        CompletableFuture<List<String>> answer = Main.withIdleFallback(
                        StreamingFlux.stream(first.streamingChatModel(), longAnswer).doOnNext(primaryChunks::add),
                        FIRST_CHUNK, IDLE,
                        StreamingFlux.stream(second.streamingChatModel(), question))
                .collectList().toFuture();
        await().atMost(Duration.ofSeconds(30)).until(() -> primaryChunks.size() >= 3);   // mid-stream
        DockerClient docker = DockerClientFactory.instance().client();
        docker.pauseContainerCmd(container.getContainerId()).exec();
        try {
            assertThat(answer).succeedsWithin(Duration.ofSeconds(60));
        } finally {
            docker.unpauseContainerCmd(container.getContainerId()).exec();
        }

        RequestRecord fallback = backup.simulator().stats().requests().getFirst();
        assertThat(fallback.tokensSent()).isEqualTo(fallback.plannedTokens());
        List<String> fallbackChunks = StreamingFlux.stream(second.streamingChatModel(), question).collectList()
                .block(Duration.ofSeconds(30));   // same request, same answer
        List<String> chunks = answer.join();
        assertThat(chunks.subList(0, primaryChunks.size())).isEqualTo(primaryChunks);   // what the reader saw first
        assertThat(String.join("", chunks.subList(primaryChunks.size(), chunks.size())))
                .isEqualTo(String.join("", fallbackChunks));   // then the whole fallback answer
        // Frozen, the simulator saw nothing; running again, it finds the connection the client closed.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(primary.stats().requests())
                .singleElement()
                .satisfies(r -> assertThat(r.clientDisconnected()).as("client disconnected").isTrue())
                .satisfies(r -> assertThat(r.tokensSent()).isLessThan(r.plannedTokens())));
    }
    // end::outage[]
}
