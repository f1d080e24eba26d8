package io.github.asynccookbook.simulator.mistral;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.batch.BatchItemResult;
import dev.langchain4j.model.batch.BatchPage;
import dev.langchain4j.model.batch.BatchPagination;
import dev.langchain4j.model.batch.BatchRequest;
import dev.langchain4j.model.batch.BatchResponse;
import dev.langchain4j.model.batch.BatchState;
import dev.langchain4j.model.chat.BatchChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.mistralai.MistralAiBatchChatModel;
import io.github.asynccookbook.simulator.BatchStats;
import io.github.asynccookbook.simulator.Protocol;
import io.github.asynccookbook.simulator.Simulator;
import io.github.asynccookbook.simulator.SimulatorConfig;
import io.github.asynccookbook.simulator.Tier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** LangChain4j 1.18.1's {@link MistralAiBatchChatModel} against the simulator's {@code /v1/batch/jobs}. */
class MistralBatchLangChain4jTest {

    private static final String MODEL = "mistral-small-latest";
    private static final String KEY = "sk-simulated-batch";

    /** Fast: a small job is done in about 50 ms. */
    private static Simulator sim;
    /** Slow: a job queues for 6 s, so a cancel always lands first. */
    private static Simulator slow;

    @BeforeAll
    static void start() {
        sim = Simulator.start(SimulatorConfig.defaults().toBuilder()
                .timeScale(0.001).tier(Tier.UNLIMITED).mistralApiKey(KEY).build());
        slow = Simulator.start(SimulatorConfig.defaults().toBuilder()
                .timeScale(0.2).tier(Tier.UNLIMITED).mistralApiKey(KEY).build());
    }

    @AfterAll
    static void stop() {
        sim.close();
        slow.close();
    }

    @Test
    void allItemsSucceedInSubmissionOrder() {
        var model = model(sim, Map.of());
        List<ChatRequest> prompts = prompts("Name a French cheese, number ", 5);

        BatchResponse<ChatResponse> submitted = model.submit(new BatchRequest<>(prompts));
        assertThat(submitted.state()).isIn(BatchState.PENDING, BatchState.RUNNING);

        BatchResponse<ChatResponse> done = awaitTerminal(model, submitted.batchId());
        assertThat(done.state()).isEqualTo(BatchState.SUCCEEDED);
        assertThat(done.results()).hasSize(5).allMatch(BatchItemResult::isSuccess);
        assertThat(done.responses()).allSatisfy(r -> assertThat(r.aiMessage().text()).isNotBlank());
        assertThat(done.responses().getFirst().tokenUsage().outputTokenCount()).isPositive();

        BatchStats.Job job = sim.batches().job(submitted.batchId());
        assertThat(job.protocol()).isEqualTo(Protocol.MISTRAL);
        assertThat(job.state()).isEqualTo("SUCCESS");
        assertThat(job.items()).isEqualTo(5);
        assertThat(job.succeeded()).isEqualTo(5);
    }

    @Test
    void failedItemsComeFromTheErrorFileIntoTheirSlots() {
        var model = model(sim, Map.of());
        List<ChatRequest> prompts = new ArrayList<>(prompts("Say hello, number ", 4));
        prompts.set(0, ChatRequest.builder().messages(UserMessage.from("Fail me [sim:fault=500]")).build());
        prompts.set(2, ChatRequest.builder().messages(UserMessage.from("Limit me [sim:fault=429]")).build());

        BatchResponse<ChatResponse> done = awaitTerminal(model, model.submit(new BatchRequest<>(prompts)).batchId());

        assertThat(done.state()).isEqualTo(BatchState.SUCCEEDED);
        assertThat(done.results()).extracting(BatchItemResult::isSuccess).containsExactly(false, true, false, true);
        assertThat(done.results().get(0).error().message()).isEqualTo("Internal server error");
        assertThat(done.results().get(0).error().details()).singleElement()
                .satisfies(error -> assertThat(error).containsEntry("code", 500));
        assertThat(done.results().get(2).error().message()).isEqualTo("Rate limit exceeded");
        BatchStats.Job job = sim.batches().job(done.batchId());
        assertThat(job.succeeded()).isEqualTo(2);
        assertThat(job.failed()).isEqualTo(2);
    }

    @Test
    void cancelPassesThroughCancellationRequested() {
        var model = model(slow, Map.of());
        String id = model.submit(new BatchRequest<>(prompts("Count to three, number ", 3))).batchId();

        model.cancel(id);
        assertThat(slow.batches().job(id).state()).isIn("CANCELLATION_REQUESTED", "CANCELLED");

        BatchResponse<ChatResponse> done = awaitTerminal(model, id);
        assertThat(done.state()).isEqualTo(BatchState.CANCELLED);
        assertThat(done.results()).isEmpty();
        BatchStats.Job job = slow.batches().job(id);
        assertThat(job.cancelRequested()).isTrue();
        assertThat(job.state()).isEqualTo("CANCELLED");
        assertThat(job.completed()).isZero();
    }

    @Test
    void forcedTimeoutAndFailure() {
        var expiring = model(sim, Map.of("X-Sim-Batch", "expire"));
        BatchResponse<ChatResponse> expired = awaitTerminal(expiring,
                expiring.submit(new BatchRequest<>(prompts("Expire, number ", 2))).batchId());
        assertThat(expired.state()).isEqualTo(BatchState.EXPIRED);
        assertThat(sim.batches().job(expired.batchId()).state()).isEqualTo("TIMEOUT_EXCEEDED");

        var failing = model(sim, Map.of("X-Sim-Batch", "fail"));
        BatchResponse<ChatResponse> failed = awaitTerminal(failing,
                failing.submit(new BatchRequest<>(prompts("Fail, number ", 2))).batchId());
        assertThat(failed.state()).isEqualTo(BatchState.FAILED);
        assertThat(sim.batches().job(failed.batchId()).state()).isEqualTo("FAILED");
    }

    @Test
    void listPagesNewestFirst() {
        var model = model(slow, Map.of());
        List<String> ids = IntStream.range(0, 3)
                .mapToObj(i -> model.submit(new BatchRequest<>(prompts("List me " + i + ", number ", 1))).batchId())
                .toList();

        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            BatchPage<ChatResponse> page = model.list(new BatchPagination(2, token));
            assertThat(page.batches().size()).isLessThanOrEqualTo(2);
            page.batches().forEach(b -> seen.add(b.batchId()));
            token = page.nextPageToken();
        } while (token != null);

        assertThat(seen).containsSubsequence(ids.get(2), ids.get(1), ids.get(0));
        ids.forEach(model::cancel);
    }

    private static List<ChatRequest> prompts(String prefix, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> ChatRequest.builder().messages(UserMessage.from(prefix + i)).build()).toList();
    }

    private static MistralAiBatchChatModel model(Simulator simulator, Map<String, String> headers) {
        return MistralAiBatchChatModel.builder().baseUrl(simulator.mistralBaseUrl()).apiKey(KEY)
                .modelName(MODEL).customHeaders(headers).timeout(Duration.ofSeconds(30)).build();
    }

    private static BatchResponse<ChatResponse> awaitTerminal(BatchChatModel model, String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            BatchResponse<ChatResponse> response = model.retrieve(id);
            if (response.state().isTerminal()) {
                return response;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("batch " + id + " still " + response.state() + " after 60 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
