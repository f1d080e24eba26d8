package io.github.asynccookbook.chapter01;

import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import static io.github.asynccookbook.chapter01._02_LoopVersusConcurrent.REQUEST;
import static org.assertj.core.api.Assertions.assertThat;

/** Which threads held the two calls of "answer, then a blocking follow-up", and that the follow-up came second. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang fails the test, not the build
class AsyncAndBlockingTogetherTest {

    private static final String STREAM_THREAD = "ForkJoinPool.commonPool-worker";

    @RegisterExtension
    static SimulatorExtension sim = new SimulatorExtension();

    private static ProviderModels models() {
        return ProviderModels.of(ProviderSet.forSimulator(sim.simulator()).gemini());
    }

    private static void assertFollowUpCameAfterTheAnswer() {
        List<RequestRecord> requests = sim.simulator().stats().requests();
        assertThat(requests).extracting(RequestRecord::stream).containsExactly(true, false);
        assertThat(requests.get(1).arrivalMillis()).isGreaterThanOrEqualTo(requests.get(0).firstTokenMillis());
    }

    @Test
    void syncCodeGetsTheAnswerWithJoinOrBlock() {
        var models = models();

        assertThat(_04_AsyncAndBlockingTogether.joinFromSyncCode(models.streaming(), REQUEST).aiMessage().text()).isNotBlank();
        assertThat(_04_AsyncAndBlockingTogether.blockFromSyncCode(models.streaming(), REQUEST).aiMessage().text()).isNotBlank();
        assertThat(sim.simulator().stats().requests()).hasSize(2).allMatch(r -> r.status() == 200);
    }

    @Test
    void thenApplyAsyncRunsTheBlockingFollowUpOnTheGivenExecutor() {
        var models = models();

        try (var virtualThreads = Executors.newVirtualThreadPerTaskExecutor()) {
            assertThat(_04_AsyncAndBlockingTogether
                    .followUpOffloaded(models.streaming(), models.chat(), REQUEST, virtualThreads).join()).isNotBlank();
        }

        assertThat(models.waiters().takeCensus()).isEqualTo(new WaitingThreads.Census(1, Map.of(STREAM_THREAD, 1L)));
        assertFollowUpCameAfterTheAnswer();
    }

    @Test
    void publishOnRunsTheBlockingFollowUpOnBoundedElastic() {
        var models = models();

        assertThat(_04_AsyncAndBlockingTogether.followUpOnBoundedElastic(models.streaming(), models.chat(), REQUEST).block())
                .isNotBlank();

        assertThat(models.waiters().takeCensus())
                .isEqualTo(new WaitingThreads.Census(0, Map.of(STREAM_THREAD, 1L, "boundedElastic", 1L)));
        assertFollowUpCameAfterTheAnswer();
    }

    @Test
    void thenApplyRunsTheBlockingFollowUpOnLangChain4jsStreamThread() {
        var models = models();

        assertThat(_04_AsyncAndBlockingTogether.followUpOnTheStreamThread(models.streaming(), models.chat(), REQUEST).join())
                .isNotBlank();

        // Two calls, one thread: the stream's reader was held for the follow-up too.
        assertThat(models.waiters().takeCensus()).isEqualTo(new WaitingThreads.Census(0, Map.of(STREAM_THREAD, 1L)));
        assertFollowUpCameAfterTheAnswer();
    }
}
