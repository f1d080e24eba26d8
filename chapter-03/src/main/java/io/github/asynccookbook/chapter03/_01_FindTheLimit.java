package io.github.asynccookbook.chapter03;

import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.ChatModel;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.providers.ModelOptions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.report.ConsoleTable;
import io.github.asynccookbook.report.Durations;
import io.github.asynccookbook.simulator.Simulator;
import picocli.CommandLine.Command;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.github.asynccookbook.chapter03._05_HandBuiltRateLimiter.MAX_ANSWER_TOKENS;

/** "At what point do you hit rate limits?": fire 1, 2, 4, ... requests at once until 429s appear. */
@Command(name = "_01_FindTheLimit", mixinStandardHelpOptions = true,
        description = "Raise the number of simultaneous requests until the free tier answers 429.")
public final class _01_FindTheLimit extends RateLimitExample {

    /** One burst: how many requests were fired at once, how many were answered and how many got a 429. */
    record Round(int atOnce, long answered, long refused) {
    }

    // tag::find[]
    /**
     * Doubles the burst until a 429 comes back, then narrows down to the smallest burst that gets one; the biggest
     * burst is every question at once. {@code freshWindows} runs before each burst (live: wait one window).
     */
    static List<Round> findTheLimit(ChatModel model, List<String> questions, Runnable freshWindows)
            throws InterruptedException {
        var rounds = new ArrayList<Round>();
        int answered = 0; // the biggest burst answered in full so far
        int refused = 0; // the smallest burst that got a 429 so far (0 = none yet)
        int atOnce = 1;
        while (true) {
            freshWindows.run(); // as if a minute had passed since the last burst
            Round round = fireAtOnce(model, questions.subList(0, atOnce));
            rounds.add(round);
            if (round.refused() > 0) {
                refused = atOnce;
            } else {
                answered = atOnce;
            }
            if (refused == 0 ? atOnce == questions.size() : refused - answered == 1) {
                return rounds;
            }
            atOnce = refused == 0 ? Math.min(2 * atOnce, questions.size()) : (answered + refused) / 2;
        }
    }

    static Round fireAtOnce(ChatModel model, List<String> questions) throws InterruptedException {
        List<Callable<Boolean>> calls = questions.stream()
                .<Callable<Boolean>>map(question -> () -> {
                    try {
                        model.chat(question);
                        return true;
                    } catch (RateLimitException refused) {
                        return false;
                    }
                })
                .toList();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            long answered = executor.invokeAll(calls).stream().filter(Future::resultNow).count();
            return new Round(questions.size(), answered, questions.size() - answered);
        }
    }
    // end::find[]

    public static void main(String[] args) {
        ChapterCli.exit(new _01_FindTheLimit(), args);
    }

    @Override
    void run(Simulator simulator, List<Provider> providers, List<String> questions) throws InterruptedException {
        System.out.print(report(simulator, providers, questions));
    }

    /** The rounds of every provider on the lab, and where its 429s began next to what its tier allows. */
    static String report(Simulator simulator, List<Provider> providers, List<String> questions)
            throws InterruptedException {
        var table = new ConsoleTable("Provider", "At once", "Answered", "429s");
        var conclusions = new StringBuilder();
        for (Provider provider : providers) {
            ChatModel model = provider.chatModel(ModelOptions.builder()
                    .maxOutputTokens(MAX_ANSWER_TOKENS).maxRetries(0).build());
            List<Round> rounds = findTheLimit(model, questions, simulator::reset);
            rounds.forEach(round -> table.row(provider.displayName(), round.atOnce(), round.answered(),
                    round.refused()));
            PublishedLimits limits = PublishedLimits.of(simulator, provider.modelName());
            OptionalInt firstRefused = rounds.stream().filter(round -> round.refused() > 0)
                    .mapToInt(Round::atOnce).min();
            conclusions.append(firstRefused.isPresent()
                    ? "%s: 429s begin at %d requests at once; the tier allows %d per %s.%n".formatted(
                    provider.displayName(), firstRefused.getAsInt(), limits.requests(),
                    Durations.seconds(limits.requestWindow()))
                    : "%s: no 429 up to %d at once; raise --requests.%n".formatted(provider.displayName(),
                    questions.size()));
        }
        return table.render() + conclusions;
    }
}
