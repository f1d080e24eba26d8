package io.github.asynccookbook.chapter03;

import dev.langchain4j.model.chat.ChatModel;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.recipes.RetryOnRateLimit;
import io.github.asynccookbook.simulator.Simulator;
import io.github.resilience4j.ratelimiter.RateLimiter;
import picocli.CommandLine.Command;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The production choice: Resilience4j's RateLimiter paces the requests, with {@link RetryOnRateLimit} behind it as
 * in {@link _05_HandBuiltRateLimiter}.
 */
@Command(name = "_06_Resilience4jRateLimiter", mixinStandardHelpOptions = true,
        description = "Stay under the free tier with Resilience4j's RateLimiter, a hint-honouring retry behind it.")
public final class _06_Resilience4jRateLimiter extends RateLimitExample {

    // tag::resilience4j[]
    static List<String> askAll(ChatModel model, List<String> questions, RateLimiter rateLimiter,
                               RetryOnRateLimit retry)
            throws InterruptedException, ExecutionException {
        List<Callable<String>> calls = questions.stream()
                .<Callable<String>>map(question -> () -> retry.call(
                        RateLimiter.decorateCallable(rateLimiter, () -> model.chat(question))))
                .toList();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var answers = new ArrayList<String>();
            for (Future<String> answer : executor.invokeAll(calls)) {
                answers.add(answer.get()); // the first failure is thrown, its cause kept, as gather raises it
            }
            return answers;
        }
    }
    // end::resilience4j[]

    public static void main(String[] args) {
        ChapterCli.exit(new _06_Resilience4jRateLimiter(), args);
    }

    @Override
    void run(Simulator simulator, List<Provider> providers, List<String> questions) throws Exception {
        LimitedRun.printPerProvider(providers, provider -> measure(simulator, provider, questions));
    }

    static LimitedRun measure(Simulator simulator, Provider provider, List<String> questions) throws Exception {
        return LimitedRun.measure(simulator, provider, "Resilience4j", questions, (model, all, limits) -> askAll(
                model, all, RateLimiter.of("llm", limits.resilience4j()),
                RetryOnRateLimit.builder().waitWithoutHint(limits.requestWindow()).build()));
    }
}
