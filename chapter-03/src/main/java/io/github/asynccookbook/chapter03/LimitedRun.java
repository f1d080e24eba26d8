package io.github.asynccookbook.chapter03;

import dev.langchain4j.model.chat.ChatModel;
import io.github.asynccookbook.providers.ModelOptions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.report.ConsoleTable;
import io.github.asynccookbook.report.Durations;
import io.github.asynccookbook.simulator.ModelStats;
import io.github.asynccookbook.simulator.Simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.github.asynccookbook.chapter03._05_HandBuiltRateLimiter.MAX_ANSWER_TOKENS;

/**
 * One rate-limited run on the lab simulator: how long it took, how many 429s came back, and the most requests that
 * arrived within one window, the number the provider's limit is about.
 */
record LimitedRun(String provider, String limitedWith, int answers, Duration wall, long refused, int busiestWindow,
                  long limit, Duration window) {

    /** Asks every question within {@code limits} and returns the answers in question order. */
    @FunctionalInterface
    interface AskAll {
        List<String> ask(ChatModel model, List<String> questions, PublishedLimits limits) throws Exception;
    }

    /** One measured run for one provider. */
    @FunctionalInterface
    interface PerProvider {
        LimitedRun run(Provider provider) throws Exception;
    }

    /** The body of every rate-limit example: run each provider on the lab simulator, print one row per provider. */
    static void printPerProvider(List<Provider> providers, PerProvider perProvider) throws Exception {
        var runs = new ArrayList<LimitedRun>();
        for (Provider provider : providers) {
            runs.add(perProvider.run(provider));
        }
        System.out.print(table(runs));
    }

    /** Runs on fresh windows, with a model that does not retry, so every 429 shows. */
    static LimitedRun measure(Simulator simulator, Provider provider, String limitedWith, List<String> questions,
                              AskAll askAll) throws Exception {
        ChatModel model = provider.chatModel(ModelOptions.builder()
                .maxOutputTokens(MAX_ANSWER_TOKENS).maxRetries(0).build());
        PublishedLimits limits = PublishedLimits.of(simulator, provider.modelName());
        model.chat("Warm up: say OK."); // a cold first request arrives late, out of step with the limiter's clock
        simulator.reset();
        long start = System.nanoTime();
        List<String> answers = askAll.ask(model, questions, limits);
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        ModelStats stats = simulator.stats().model(provider.modelName());
        return new LimitedRun(provider.displayName(), limitedWith, answers.size(), wall, stats.count(429),
                busiestWindow(stats.arrivalMillis(), limits.requestWindow()), limits.requests(),
                limits.requestWindow());
    }

    /** The most arrivals (milliseconds, any order) that fall within one {@code window}. */
    static int busiestWindow(List<Double> arrivalMillis, Duration window) {
        List<Double> sorted = arrivalMillis.stream().sorted().toList();
        double windowMillis = window.toNanos() / 1e6;
        int busiest = 0;
        int first = 0;
        for (int last = 0; last < sorted.size(); last++) {
            while (sorted.get(last) - sorted.get(first) >= windowMillis) {
                first++;
            }
            busiest = Math.max(busiest, last - first + 1);
        }
        return busiest;
    }

    static String table(List<LimitedRun> runs) {
        var table = new ConsoleTable("Provider", "Limited with", "Answers", "Wall", "429s", "Busiest window",
                "Limit");
        for (LimitedRun run : runs) {
            table.row(run.provider, run.limitedWith, run.answers, Durations.seconds(run.wall), run.refused,
                    run.busiestWindow, run.limit + " per " + Durations.seconds(run.window));
        }
        return table.render();
    }
}
