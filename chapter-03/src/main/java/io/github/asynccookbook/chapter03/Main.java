package io.github.asynccookbook.chapter03;

import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.harness.ProviderOptions;
import io.github.asynccookbook.harness.QuietLogs;
import io.github.asynccookbook.providers.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

/**
 * The chapter's tour: find the limit, cap concurrency three ways, stay under the rate limit, handle the 429, and see
 * what a 429 tells a LangChain4j client.
 */
@Command(name = "chapter-03", mixinStandardHelpOptions = true,
        description = "Semaphores, rate limiters and 429 handling, on Gemini and Mistral.")
public final class Main implements Callable<Integer> {

    @Mixin
    ProviderOptions providers;

    @Mixin
    Workload workload;

    @Mixin
    MaxConcurrency maxConcurrency;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        QuietLogs.builtInRetry();
        ChapterCli.exit(new Main(), args);
    }

    @Override
    public Integer call() throws Exception {
        List<String> questions = workload.questions();
        int limit = maxConcurrency.value();
        RateLimitLab lab = RateLimitLab.of(spec, providers);
        System.out.println("Chapter 03: semaphores and rate limits");
        lab.run((simulator, limited) -> {
            section("1. Where do the 429s begin?");
            System.out.print(_01_FindTheLimit.report(simulator, limited, questions));

            section("2. At most %d in flight, %d questions".formatted(limit, questions.size()));
            var capped = new ArrayList<ConcurrencyRun>();
            for (Provider provider : providers.providers()) {
                ConcurrencyRun.warmUp(provider);
                capped.add(new _02_SemaphoreLimit().run(provider, questions, limit));
                capped.add(new _03_FlatMapConcurrency().run(provider, questions, limit));
                capped.add(new _04_BulkheadLimit().run(provider, questions, limit));
            }
            System.out.print(ConcurrencyRun.table(capped));

            section("3. Under the rate limit, %d questions at once".formatted(questions.size()));
            var paced = new ArrayList<LimitedRun>();
            for (Provider provider : limited) {
                paced.add(_05_HandBuiltRateLimiter.measure(simulator, provider, questions));
                paced.add(_06_Resilience4jRateLimiter.measure(simulator, provider, questions));
            }
            System.out.print(LimitedRun.table(paced));

            section("4. One request more than the limit, at once: which retry copes?");
            var bursts = new ArrayList<_07_RetryHonouringTheHint.Burst>();
            for (Provider provider : limited) {
                bursts.addAll(_07_RetryHonouringTheHint.compare(simulator, provider, OptionalInt.empty()));
            }
            System.out.print(_07_RetryHonouringTheHint.table(bursts));

            section("5. What LangChain4j lets you read about the limit");
            limited.forEach(provider -> System.out.print(_08_WhatA429Tells.report(provider)));
        });
        return 0;
    }

    private static void section(String title) {
        System.out.println();
        System.out.println("== " + title + " ==");
    }
}
