package io.github.asynccookbook.chapter03;

import dev.langchain4j.model.chat.ChatModel;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.recipes.RetryOnRateLimit;
import io.github.asynccookbook.recipes.SlidingWindowRateLimiter;
import io.github.asynccookbook.simulator.Simulator;
import picocli.CommandLine.Command;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * "Build your own rate limiter": every request waits for {@link SlidingWindowRateLimiter} before it is sent, and
 * {@link RetryOnRateLimit} stays behind it for the 429s a client-side limiter cannot rule out (other clients on the
 * same key, a request delayed on its way).
 */
@Command(name = "_05_HandBuiltRateLimiter", mixinStandardHelpOptions = true,
        description = "Stay under the free tier with a hand-built sliding-window limiter.")
public final class _05_HandBuiltRateLimiter extends RateLimitExample {

    // tag::limited[]
    /** Every answer is capped at this many tokens: the models are built with {@code maxOutputTokens(30)}. */
    static final int MAX_ANSWER_TOKENS = 30;

    static List<String> askAll(ChatModel model, List<String> questions, SlidingWindowRateLimiter limiter,
                               RetryOnRateLimit retry)
            throws InterruptedException, ExecutionException {
        List<Callable<String>> calls = questions.stream().<Callable<String>>map(question -> () -> retry.call(() -> {
            limiter.acquire(estimatedTokens(question)); // await rate_limiter.acquire()
            return model.chat(question);
        })).toList();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var answers = new ArrayList<String>();
            for (Future<String> answer : executor.invokeAll(calls)) {
                answers.add(answer.get()); // the first failure is thrown, its cause kept, as gather raises it
            }
            return answers;
        }
    }

    /**
     * What a request costs against a tokens-per-minute limit before we know the answer: about four characters per
     * prompt token, plus the answer cap (Mistral counts output too; for Gemini, which counts input only, it errs on
     * the safe side).
     */
    static long estimatedTokens(String prompt) {
        return prompt.length() / 4 + 1 + MAX_ANSWER_TOKENS;
    }
    // end::limited[]

    public static void main(String[] args) {
        ChapterCli.exit(new _05_HandBuiltRateLimiter(), args);
    }

    @Override
    void run(Simulator simulator, List<Provider> providers, List<String> questions) throws Exception {
        LimitedRun.printPerProvider(providers, provider -> measure(simulator, provider, questions));
    }

    static LimitedRun measure(Simulator simulator, Provider provider, List<String> questions) throws Exception {
        return LimitedRun.measure(simulator, provider, "sliding window", questions, (model, all, limits) -> askAll(
                model, all, limits.slidingWindow(),
                RetryOnRateLimit.builder().waitWithoutHint(limits.requestWindow()).build()));
    }
}
