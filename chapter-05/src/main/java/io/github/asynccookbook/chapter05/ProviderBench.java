package io.github.asynccookbook.chapter05;

import dev.langchain4j.model.chat.StreamingChatModel;
import io.github.asynccookbook.chapter05.RequestSender.Reply;
import io.github.asynccookbook.harness.GroundTruth;
import io.github.asynccookbook.providers.ModelOptions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.recipes.Batch;
import io.github.asynccookbook.recipes.Batch.Outcome;
import io.github.asynccookbook.recipes.RetryOnRateLimit;
import io.github.asynccookbook.report.ProgressBar;
import io.github.asynccookbook.simulator.RequestRecord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the plan for one provider: one streaming model and one retry budget shared by every request, warm-ups
 * first, then each iteration's modes in order. Every mode is the same {@link Batch} with a different
 * {@code maxConcurrency}: 1 is the sequential loop, N is gather, k is the semaphore. Every request sent, warm-ups
 * included, advances the progress bar once.
 */
final class ProviderBench {

    /** Mistral's 429 carries no retry hint; one request window (1 s) is its natural back-off. */
    private static final Duration BACKOFF_WITHOUT_HINT = Duration.ofSeconds(1);
    private static final Duration SHORTEST_BACKOFF = Duration.ofMillis(10);
    /** Gemini's free tier counts per minute: a refused request may be told to wait most of one. */
    private static final Duration MAX_RETRY_WAIT = Duration.ofMinutes(2);
    /** Requests refused together retry together; a few more attempts than usual let the whole batch through. */
    private static final int MAX_ATTEMPTS = 8;

    private final Provider provider;
    private final BenchPlan plan;
    private final RequestSender sender;
    private final ProgressBar progress;

    ProviderBench(Provider provider, BenchPlan plan, ProgressBar progress) {
        this.provider = provider;
        this.plan = plan;
        this.progress = progress;
        StreamingChatModel model = provider.streamingChatModel(ModelOptions.builder().timeout(plan.timeout()).build());
        this.sender = new RequestSender(model, retryFor(provider), plan.timeout());
    }

    /**
     * Retries as the provider asks. Without a hint it backs off one request window, scaled like the simulator's own
     * windows so a fast simulated run is not slowed by real-time seconds.
     */
    private static RetryOnRateLimit retryFor(Provider provider) {
        Duration backoff = provider.simulator()
                .map(simulator -> simulator.config().scaled(BACKOFF_WITHOUT_HINT))
                .map(scaled -> scaled.compareTo(SHORTEST_BACKOFF) < 0 ? SHORTEST_BACKOFF : scaled)
                .orElse(BACKOFF_WITHOUT_HINT);
        return RetryOnRateLimit.builder().maxAttempts(MAX_ATTEMPTS).waitWithoutHint(backoff).maxTotalWait(MAX_RETRY_WAIT)
                .build();
    }

    ProviderRun run() {
        var warmUp = new ArrayList<RequestResult>();
        for (int i = 0; i < plan.warmUps(); i++) {
            long start = System.nanoTime();
            Reply reply = sender.send(plan.workload().request(i), false);
            warmUp.add(result(Mode.SEQUENTIAL, 0, i, start, System.nanoTime(), reply));
            progress.step(provider.displayName() + " warm-up");
        }
        var runs = new ArrayList<ModeRun>();
        for (int iteration = 1; iteration <= plan.iterations(); iteration++) {
            for (Mode mode : plan.modes()) {
                runs.add(run(mode, iteration));
            }
        }
        Optional<Duration> profileTtft = provider.simulator().map(simulator -> simulator.config()
                .scaled(simulator.config().models().get(provider.modelName()).ttftMedian()));
        return new ProviderRun(provider.name(), provider.displayName(), provider.modelName(),
                provider.mode() == Provider.Mode.LIVE, profileTtft, warmUp, runs);
    }

    private ModeRun run(Mode mode, int iteration) {
        Workload workload = plan.workload();
        int maxConcurrency = mode.maxConcurrency(workload.requests(), plan.maxConcurrency());
        Duration waitedBefore = sender.retryWait();
        long start = System.nanoTime();
        List<Outcome<Reply>> outcomes = sender.sendAll(workload.chatRequests(), maxConcurrency, mode.streams(),
                () -> progress.step(provider.displayName() + " " + mode.id()));
        long end = System.nanoTime();
        List<RequestResult> requests = outcomes.stream().map(outcome -> switch (outcome) {
            case Outcome.Success<Reply> success -> result(mode, iteration, success.index(), success.startNanos(),
                    success.endNanos(), success.value());
            case Outcome.Failure<Reply> failure -> result(mode, iteration, failure.index(), failure.startNanos(),
                    failure.endNanos(), new Reply(null, 0, 0, 1, failure.error()));
        }).toList();
        return new ModeRun(provider.name(), mode, iteration, maxConcurrency, start, end, requests,
                sender.retryWait().minus(waitedBefore), answersSent(start, end));
    }

    /**
     * Complete answers the simulator sent during a run (empty when live): more than the client received means
     * answers were lost on the client's side, e.g. streams that waited too long for a thread to read them.
     */
    private Optional<Integer> answersSent(long start, long end) {
        return GroundTruth.requestsDuring(provider, start, end).map(records -> (int) records.stream()
                .filter(ProviderBench::answeredInFull)
                .count());
    }

    private static boolean answeredInFull(RequestRecord record) {
        return record.status() == 200 && record.completionMillis() != null && !record.clientDisconnected();
    }

    private RequestResult result(Mode mode, int iteration, int index, long start, long end, Reply reply) {
        Exception error = reply.error();
        return new RequestResult(provider.name(), provider.modelName(), mode, iteration, index,
                plan.workload().topic(index), start, reply.firstTokenNanos(), end, reply.outputTokens(),
                error == null ? RequestResult.OK : Status.of(error), reply.rateLimited(),
                Math.max(0, reply.attempts() - 1), error == null ? null : Status.unwrap(error));
    }
}
