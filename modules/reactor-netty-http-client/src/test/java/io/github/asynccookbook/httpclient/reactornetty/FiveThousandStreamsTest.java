package io.github.asynccookbook.httpclient.reactornetty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.mistralai.MistralAiStreamingChatModel;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.SimulatorStats;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 5,000 streams at once on Reactor Netty: the simulator must see them overlap and all complete, while the client side
 * adds no more than a handful of threads. The JDK transport would hold one common-pool thread per stream here.
 */
class FiveThousandStreamsTest {

    private static final int STREAMS = 5_000;
    private static final String MODEL = "mistral-small-latest";

    @RegisterExtension
    static final SimulatorExtension SIM = SimulatorExtension.configured(c -> c.timeScale(0.5));

    @Test
    void fiveThousandConcurrentStreamsHoldAHandfulOfThreads() throws Exception {
        StreamingChatModel model = MistralAiStreamingChatModel.builder()
                .httpClientBuilder(new ReactorNettyHttpClientBuilder())
                .baseUrl(SIM.simulator().mistralBaseUrl()).apiKey("sk-simulated").modelName(MODEL).build();
        var threads = ManagementFactory.getThreadMXBean();
        int before = threads.getThreadCount();
        threads.resetPeakThreadCount();
        var done = new CountDownLatch(STREAMS);
        var answered = new AtomicInteger();
        var failed = new AtomicInteger();

        for (int i = 0; i < STREAMS; i++) {
            model.chat(ChatRequest.builder().messages(UserMessage.from("Stream " + i + " [sim:tokens=30]")).build(),
                    new StreamingChatResponseHandler() {
                        @Override
                        public void onPartialResponse(String partial) {
                        }

                        @Override
                        public void onCompleteResponse(ChatResponse response) {
                            answered.incrementAndGet();
                            done.countDown();
                        }

                        @Override
                        public void onError(Throwable error) {
                            failed.incrementAndGet();
                            done.countDown();
                        }
                    });
        }
        assertThat(done.await(10, TimeUnit.MINUTES)).as("every stream ended").isTrue();

        SimulatorStats stats = SIM.simulator().stats();
        List<RequestRecord> records = stats.requests(MODEL);
        long reactorThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("reactor-http")).count();
        assertThat(failed).hasValue(0);
        assertThat(answered).hasValue(STREAMS);
        assertThat(records).hasSize(STREAMS).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(SimulatorStats.peakInFlight(records)).as("streams open at once, per the simulator")
                .isGreaterThan(257); // the JDK transport's common-pool cap: more open streams than it could ever hold
        assertThat(reactorThreads).as("reactor-netty event-loop threads").isLessThanOrEqualTo(8);
        assertThat(threads.getPeakThreadCount() - before).as("threads added at the peak").isLessThanOrEqualTo(16);
    }
}
