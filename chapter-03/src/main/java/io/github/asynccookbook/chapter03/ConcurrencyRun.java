package io.github.asynccookbook.chapter03;

import dev.langchain4j.model.chat.ChatModel;
import io.github.asynccookbook.harness.GroundTruth;
import io.github.asynccookbook.providers.ModelOptions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.report.ConsoleTable;
import io.github.asynccookbook.report.Durations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.github.asynccookbook.chapter03._05_HandBuiltRateLimiter.MAX_ANSWER_TOKENS;

/**
 * One run of the questions under a concurrency cap: how long it took and the most requests in flight, as the client
 * counted them and, when simulated, as the provider saw them.
 *
 * @param simulatorMaxInFlight "-" when the provider is live
 */
record ConcurrencyRun(String provider, String limitedWith, int answers, Duration wall, int clientMaxInFlight,
                      String simulatorMaxInFlight) {

    /** Asks every question and returns the answers in question order. */
    @FunctionalInterface
    interface AskAll {
        List<String> ask(ChatModel model, List<String> questions) throws Exception;
    }

    /** One measured run for one provider. */
    @FunctionalInterface
    interface PerProvider {
        ConcurrencyRun run(Provider provider) throws Exception;
    }

    /** The body of every concurrency example: warm each provider up, run it, print one row per provider. */
    static void printPerProvider(List<Provider> providers, PerProvider perProvider) throws Exception {
        var runs = new ArrayList<ConcurrencyRun>();
        for (Provider provider : providers) {
            warmUp(provider);
            runs.add(perProvider.run(provider));
        }
        System.out.print(table(runs));
    }

    /** One call before measuring, so the first run does not pay for class loading and the first connection. */
    static void warmUp(Provider provider) {
        provider.chatModel(ModelOptions.builder().maxOutputTokens(1).build()).chat("Warm up: say OK.");
    }

    static ConcurrencyRun measure(Provider provider, String limitedWith, List<String> questions, AskAll askAll)
            throws Exception {
        var inFlight = new InFlightListener();
        ChatModel model = provider.chatModel(ModelOptions.builder()
                .maxOutputTokens(MAX_ANSWER_TOKENS).listener(inFlight).build());
        GroundTruth.reset(provider);
        long start = System.nanoTime();
        List<String> answers = askAll.ask(model, questions);
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        return new ConcurrencyRun(provider.displayName(), limitedWith, answers.size(), wall, inFlight.max(),
                GroundTruth.maxInFlight(provider));
    }

    static String table(List<ConcurrencyRun> runs) {
        var table = new ConsoleTable("Provider", "Limited with", "Answers", "Wall", "Max in flight", "Simulator saw");
        for (ConcurrencyRun run : runs) {
            table.row(run.provider, run.limitedWith, run.answers, Durations.seconds(run.wall), run.clientMaxInFlight,
                    run.simulatorMaxInFlight);
        }
        return table.render();
    }
}
