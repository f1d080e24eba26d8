package io.github.asynccookbook.recipes;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.github.asynccookbook.httpclient.reactornetty.ReactorNettyHttpClientBuilder;
import io.github.asynccookbook.providers.ModelOptions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link AsyncChat} on the Reactor Netty transport: 300 streams held open at the same moment (each stalls mid-stream
 * at the simulator, so "open together" is a fact the simulator reports, not a matter of machine speed) add only a
 * handful of platform threads: none waits inside LangChain4j. Its JDK transport would park a thread in each stream.
 */
@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OpenStreamsOnReactorNettyTest {

    private static final int STREAMS = 300;

    /** The stall (120 s of model time, 24 s here) outlasts the test: the simulator's close ends the streams. */
    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(c -> c.timeScale(0.2));

    @Test
    void threeHundredOpenStreamsParkNoThreadInsideLangChain4j() {
        Provider provider = ProviderSet.forSimulator(sim.simulator()).mistral();
        StreamingChatModel model = provider.streamingChatModel(ModelOptions.builder()
                .httpClientBuilder(new ReactorNettyHttpClientBuilder()).build());
        AsyncChat.chatAsync(model, "[sim:tokens=5] warm-up").join(); // event loops and pool started
        sim.simulator().reset();

        List<CompletableFuture<ChatResponse>> futures = IntStream.range(0, STREAMS)
                .mapToObj(i -> AsyncChat.chatAsync(model, "[sim:fault=stall-stream] [sim:tokens=50] Question " + i))
                .toList();
        await().atMost(Duration.ofSeconds(60)).until(() -> streamsStalledWithTheirFirstTokens() == STREAMS);

        assertThat(sim.simulator().stats().inFlight()).isEqualTo(STREAMS);
        assertThat(futures).noneMatch(CompletableFuture::isDone);
        // Which threads are inside LangChain4j while 300 streams are open: with the JDK transport, one parked per
        // stream; here at most an event loop handing over a chunk. (Not a JVM-wide thread count: other tests'
        // pools winding down would be counted.)
        assertThat(platformThreadsInsideLangChain4j()).hasSizeLessThanOrEqualTo(4);
        futures.forEach(future -> future.cancel(true));
    }

    private static List<String> platformThreadsInsideLangChain4j() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(thread -> !thread.getKey().isVirtual())
                .filter(thread -> java.util.Arrays.stream(thread.getValue())
                        .anyMatch(frame -> frame.getClassName().startsWith("dev.langchain4j.")))
                .map(thread -> thread.getKey().getName())
                .toList();
    }

    private static long streamsStalledWithTheirFirstTokens() {
        return sim.simulator().stats().requests().stream()
                .filter(r -> r.firstTokenMillis() != null && r.completionMillis() == null)
                .map(RequestRecord::id).count();
    }
}
