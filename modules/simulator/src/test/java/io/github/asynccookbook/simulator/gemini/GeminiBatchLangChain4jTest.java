package io.github.asynccookbook.simulator.gemini;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.batch.BatchItemResult;
import dev.langchain4j.model.batch.BatchPage;
import dev.langchain4j.model.batch.BatchPagination;
import dev.langchain4j.model.batch.BatchRequest;
import dev.langchain4j.model.batch.BatchResponse;
import dev.langchain4j.model.batch.BatchState;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.googleai.GoogleAiGeminiBatchChatModel;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** LangChain4j 1.18.1's {@link GoogleAiGeminiBatchChatModel} against the simulator's Gemini Batch Mode. */
class GeminiBatchLangChain4jTest {

    private static final String MODEL = "gemini-2.5-flash";
    private static final String KEY = "fake-batch-test-key";

    /** Fast: a small job is done in about 50 ms. */
    private static Simulator sim;
    /** Slow: a job queues for 6 s, so a cancel always lands first. */
    private static Simulator slow;

    @BeforeAll
    static void start() {
        sim = Simulator.start(SimulatorConfig.defaults().toBuilder()
                .timeScale(0.001).tier(Tier.UNLIMITED).geminiApiKey(KEY).build());
        slow = Simulator.start(SimulatorConfig.defaults().toBuilder()
                .timeScale(0.2).tier(Tier.UNLIMITED).geminiApiKey(KEY).build());
    }

    @AfterAll
    static void stop() {
        sim.close();
        slow.close();
    }

    @Test
    void allItemsSucceedInSubmissionOrder() {
        var model = model(sim, Map.of());
        List<ChatRequest> prompts = prompts("Name a colour of the sky, number ", 5);

        BatchResponse<ChatResponse> submitted = model.submit(new BatchRequest<>(prompts));
        assertThat(submitted.batchId()).startsWith("batches/");
        assertThat(submitted.state()).isIn(BatchState.PENDING, BatchState.RUNNING);

        BatchResponse<ChatResponse> done = awaitTerminal(model, submitted.batchId());
        assertThat(done.state()).isEqualTo(BatchState.SUCCEEDED);
        assertThat(done.results()).hasSize(5).allMatch(BatchItemResult::isSuccess);
        assertThat(done.responses()).allSatisfy(r -> assertThat(r.aiMessage().text()).isNotBlank());
        assertThat(done.responses().getFirst().tokenUsage().inputTokenCount()).isPositive();

        BatchStats.Job job = sim.batches().job(submitted.batchId());
        assertThat(job.protocol()).isEqualTo(Protocol.GEMINI);
        assertThat(job.state()).isEqualTo("BATCH_STATE_SUCCEEDED");
        assertThat(job.items()).isEqualTo(5);
        assertThat(job.succeeded()).isEqualTo(5);
        assertThat(job.model()).isEqualTo(MODEL);
    }

    @Test
    void failedItemsStayInTheirSlotsAsErrorObjects() {
        var model = model(sim, Map.of());
        List<ChatRequest> prompts = new ArrayList<>(prompts("Say hello, number ", 4));
        prompts.set(1, ChatRequest.builder().messages(UserMessage.from("Fail me [sim:fault=500]")).build());
        prompts.set(3, ChatRequest.builder().messages(UserMessage.from("Overload me [sim:fault=503]")).build());

        BatchResponse<ChatResponse> done = awaitTerminal(model, model.submit(new BatchRequest<>(prompts)).batchId());

        assertThat(done.state()).isEqualTo(BatchState.SUCCEEDED);
        assertThat(done.results()).extracting(BatchItemResult::isSuccess).containsExactly(true, false, true, false);
        assertThat(done.results().get(1).error().code()).isEqualTo(13);   // google.rpc.Code INTERNAL
        assertThat(done.results().get(1).error().message()).contains("internal error");
        assertThat(done.results().get(3).error().code()).isEqualTo(14);   // UNAVAILABLE
        BatchStats.Job job = sim.batches().job(done.batchId());
        assertThat(job.succeeded()).isEqualTo(2);
        assertThat(job.failed()).isEqualTo(2);
    }

    @Test
    void cancelledJobEndsCancelledWithoutResults() {
        var model = model(slow, Map.of());
        String id = model.submit(new BatchRequest<>(prompts("Count to three, number ", 3))).batchId();

        model.cancel(id);

        BatchResponse<ChatResponse> done = awaitTerminal(model, id);
        assertThat(done.state()).isEqualTo(BatchState.CANCELLED);
        assertThat(done.results()).isEmpty();
        BatchStats.Job job = slow.batches().job(id);
        assertThat(job.cancelRequested()).isTrue();
        assertThat(job.state()).isEqualTo("BATCH_STATE_CANCELLED");
        assertThat(job.completed()).isZero();
    }

    @Test
    void forcedExpiryAndFailure() {
        var expiring = model(sim, Map.of("X-Sim-Batch", "expire"));
        BatchResponse<ChatResponse> expired = awaitTerminal(expiring,
                expiring.submit(new BatchRequest<>(prompts("Expire, number ", 2))).batchId());
        assertThat(expired.state()).isEqualTo(BatchState.EXPIRED);
        assertThat(expired.results()).isEmpty();
        assertThat(sim.batches().job(expired.batchId()).state()).isEqualTo("BATCH_STATE_EXPIRED");

        var failing = model(sim, Map.of("X-Sim-Batch", "fail"));
        BatchResponse<ChatResponse> failed = awaitTerminal(failing,
                failing.submit(new BatchRequest<>(prompts("Fail, number ", 2))).batchId());
        assertThat(failed.state()).isEqualTo(BatchState.FAILED);
        assertThat(failed.results()).singleElement().satisfies(r -> assertThat(r.error().code()).isEqualTo(13));
    }

    @Test
    void listPagesNewestFirstAndDeleteRemovesTheJob() {
        var model = model(slow, Map.of());
        List<String> ids = IntStream.range(0, 3)
                .mapToObj(i -> model.submit(new BatchRequest<>(prompts("List me " + i + ", number ", 1))).batchId())
                .toList();

        BatchPage<ChatResponse> first = model.list(new BatchPagination(2, null));
        assertThat(first.batches()).hasSize(2);
        assertThat(first.nextPageToken()).isNotNull();
        List<String> seen = new ArrayList<>(first.batches().stream().map(BatchResponse::batchId).toList());
        String token = first.nextPageToken();
        while (token != null) {
            BatchPage<ChatResponse> next = model.list(new BatchPagination(2, token));
            next.batches().forEach(b -> seen.add(b.batchId()));
            token = next.nextPageToken();
        }
        assertThat(seen).containsSubsequence(ids.get(2), ids.get(1), ids.get(0));

        model.deleteBatchJob(ids.get(0));
        assertThatThrownBy(() -> model.retrieve(ids.get(0))).hasMessageContaining("NOT_FOUND");
        assertThat(slow.batches().job(ids.get(0)).deleted()).isTrue();
        ids.subList(1, 3).forEach(model::cancel);
    }

    @Test
    void inlineBatchOverTwentyMegabytesIsRefused() {
        var model = model(sim, Map.of());
        String big = "word ".repeat(1_100_000);   // 5.5 MB each, four of them
        List<ChatRequest> prompts = IntStream.range(0, 4)
                .mapToObj(i -> ChatRequest.builder().messages(UserMessage.from(big + i)).build()).toList();
        int before = sim.batches().jobs().size();

        assertThatThrownBy(() -> model.submit(new BatchRequest<>(prompts)))
                .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.statusCode()).isEqualTo(400))   // the batch model maps no errors
                .hasMessageContaining("Request payload size exceeds the limit: 20971520 bytes");
        assertThat(sim.batches().jobs()).hasSize(before);
    }

    static List<ChatRequest> prompts(String prefix, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> ChatRequest.builder().messages(UserMessage.from(prefix + i)).build()).toList();
    }

    private static GoogleAiGeminiBatchChatModel model(Simulator simulator, Map<String, String> headers) {
        return GoogleAiGeminiBatchChatModel.builder().baseUrl(simulator.geminiBaseUrl()).apiKey(KEY)
                .modelName(MODEL).customHeaders(headers).timeout(Duration.ofSeconds(30)).build();
    }

    static BatchResponse<ChatResponse> awaitTerminal(dev.langchain4j.model.chat.BatchChatModel model, String id) {
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
