package io.github.asynccookbook.chapter11;

import dev.langchain4j.model.batch.BatchItemResult;
import dev.langchain4j.model.batch.BatchRequest;
import dev.langchain4j.model.batch.BatchResponse;
import dev.langchain4j.model.chat.BatchChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.googleai.GoogleAiGeminiBatchChatModel;
import dev.langchain4j.model.mistralai.MistralAiBatchChatModel;
import io.github.asynccookbook.providers.Provider;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * A provider Batch API through LangChain4j's {@code BatchChatModel}: submit once (and never twice), poll with
 * back-off until the job ends, then put each result back in its input's slot. The provider runs the fan-out on its
 * own machines, at half the price, within 24 hours.
 */
public final class BatchRun {

    private BatchRun() {
    }

    /** LangChain4j's batch model for a provider: same base URL, key and model as its online chat model. */
    public static BatchChatModel batchModel(Provider provider) {
        return switch (provider.protocol()) {
            case GEMINI -> GoogleAiGeminiBatchChatModel.builder().baseUrl(provider.baseUrl())
                    .apiKey(provider.apiKey().value()).modelName(provider.modelName()).build();
            case MISTRAL -> MistralAiBatchChatModel.builder().baseUrl(provider.baseUrl())
                    .apiKey(provider.apiKey().value()).modelName(provider.modelName()).build();
        };
    }

    // tag::submit-or-resume[]
    /**
     * The id of the job for these requests: the saved one when an earlier run submitted it, else a new job whose id
     * is saved before anything else can fail.
     */
    static String submitOrResume(BatchChatModel model, List<ChatRequest> requests,
                                 Function<String, Optional<String>> savedIds, String jobKey,
                                 Consumer<String> saveId) {
        Optional<String> saved = savedIds.apply(jobKey);
        if (saved.isPresent()) {
            return saved.get();                                     // submitted before a crash: poll it, pay once
        }
        String batchId = model.submit(new BatchRequest<>(requests)).batchId();
        saveId.accept(batchId);
        return batchId;
    }
    // end::submit-or-resume[]

    // tag::poll[]
    /** Polls until the job ends, waiting {@code firstWait}, then twice as long each time, at most {@code maxWait}. */
    static Mono<BatchResponse<ChatResponse>> untilDone(BatchChatModel model, String batchId, Duration firstWait,
                                                       Duration maxWait,
                                                       Consumer<BatchResponse<ChatResponse>> onPoll) {
        return Mono.fromCallable(() -> model.retrieve(batchId))   // one blocking GET per poll
                .subscribeOn(Schedulers.boundedElastic())
                .retryWhen(Retry.backoff(5, firstWait))              // a failed poll is not a failed job
                .doOnNext(onPoll)
                .filter(response -> response.state().isTerminal())
                .repeatWhenEmpty(polls -> polls.concatMap(poll -> Mono.delay(backOff(poll, firstWait, maxWait))));
    }

    static Duration backOff(long poll, Duration firstWait, Duration maxWait) {
        Duration wait = firstWait.multipliedBy(1L << Math.min(poll, 16));
        return wait.compareTo(maxWait) > 0 ? maxWait : wait;
    }
    // end::poll[]

    // tag::slots[]
    /**
     * One slot per input, in input order: its result (an answer or that item's error), or empty when the job ended
     * before the item ran. LangChain4j 1.18.1 gives results in submission order but without their ids, so a partial
     * result list cannot be placed: all slots stay empty then.
     */
    static List<Optional<BatchItemResult<ChatResponse>>> slots(int inputs, BatchResponse<ChatResponse> done) {
        List<BatchItemResult<ChatResponse>> results = done.results();
        boolean complete = results.size() == inputs;
        return IntStream.range(0, inputs)
                .mapToObj(i -> complete ? Optional.of(results.get(i)) : Optional.<BatchItemResult<ChatResponse>>empty())
                .toList();
    }
    // end::slots[]

    // tag::cancel[]
    /** Asks the provider to stop the job, then waits for it to say it has (Mistral passes through CANCELLATION_REQUESTED). */
    static Mono<BatchResponse<ChatResponse>> cancel(BatchChatModel model, String batchId, Duration pollEvery) {
        return Mono.fromRunnable(() -> model.cancel(batchId))
                .subscribeOn(Schedulers.boundedElastic())
                .then(untilDone(model, batchId, pollEvery, pollEvery, response -> { }));
    }
    // end::cancel[]

    /** The key under which a job for these requests is saved: provider, model, and a fingerprint of the prompts. */
    static String jobKey(Provider provider, List<ChatRequest> requests) {
        int prompts = requests.stream().map(request -> request.messages().toString()).toList().hashCode();
        return provider.name() + "." + provider.modelName() + "." + requests.size() + "." + Integer.toHexString(prompts);
    }
}
