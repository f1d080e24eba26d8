package io.github.asynccookbook.chapter03;

import dev.langchain4j.model.chat.ChatModel;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.simulator.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * "Build your own rate limiter": every request waits for {@link SlidingWindowRateLimiter} before it is sent, and
 * {@link RetryOnRateLimit} stays behind it for the 429s a client-side limiter cannot rule out (other clients on the
 * same key, a request delayed on its way).
 */
@Command(name = "_05_HandBuiltRateLimiter", mixinStandardHelpOptions = true,
        description = "Stay under the free tier with a hand-built sliding-window limiter.")
public final class _05_HandBuiltRateLimiter implements Callable<Integer> {

    @Mixin
    Workload workload;

    @Mixin
    RateLimitLab lab;

    public static void main(String[] args) {
        System.exit(ChapterCli.execute(new _05_HandBuiltRateLimiter(), args));
    }

    @Override
    public Integer call() throws Exception {
        System.out.println(lab.describe());
        try (Simulator simulator = lab.start()) {
            LimitedRun.printPerProvider(workload.providers(ProviderSet.forSimulator(simulator)),
                    provider -> run(simulator, provider, workload.questions()));
        }
        return 0;
    }

    static LimitedRun run(Simulator simulator, Provider provider, List<String> questions) throws Exception {
        return LimitedRun.measure(simulator, provider, "sliding window", questions, (model, all, limits) -> askAll(
                model, all, limits.slidingWindow(),
                RetryOnRateLimit.builder().waitWithoutHint(limits.requestWindow()).build()));
    }

    // tag::limited[]
    static List<String> askAll(ChatModel model, List<String> questions, SlidingWindowRateLimiter limiter,
                               RetryOnRateLimit retry) throws InterruptedException {
        List<Callable<String>> calls = questions.stream().<Callable<String>>map(question -> () -> retry.call(() -> {
            limiter.acquire(Questions.estimatedTokens(question)); // await rate_limiter.acquire()
            return model.chat(question);
        })).toList();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            return executor.invokeAll(calls).stream().map(Future::resultNow).toList();
        }
    }
    // end::limited[]
}
