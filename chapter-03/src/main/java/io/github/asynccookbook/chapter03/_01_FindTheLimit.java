package io.github.asynccookbook.chapter03;

import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.ChatModel;
import io.github.asynccookbook.providers.ModelOptions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.report.ConsoleTable;
import io.github.asynccookbook.report.Durations;
import io.github.asynccookbook.simulator.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** "At what point do you hit rate limits?": fire 1, 2, 4, ... requests at once until 429s appear. */
@Command(name = "_01_FindTheLimit", mixinStandardHelpOptions = true,
        description = "Raise the number of simultaneous requests until the free tier answers 429.")
public final class _01_FindTheLimit implements Callable<Integer> {

    @Mixin
    Workload workload;

    @Mixin
    RateLimitLab lab;

    public static void main(String[] args) {
        System.exit(ChapterCli.execute(new _01_FindTheLimit(), args));
    }

    @Override
    public Integer call() throws Exception {
        System.out.println(lab.describe());
        try (Simulator simulator = lab.start()) {
            System.out.print(report(simulator, workload.providers(ProviderSet.forSimulator(simulator)),
                    workload.requests));
        }
        return 0;
    }

    /** One burst: how many requests were fired at once, how many were answered and how many got a 429. */
    record Round(int atOnce, long answered, long refused) {
    }

    // tag::find[]
    /** Doubles the burst until a 429 comes back, then narrows down to the smallest burst that gets one. */
    static List<Round> findTheLimit(Simulator simulator, ChatModel model, int maxRequests)
            throws InterruptedException {
        var rounds = new ArrayList<Round>();
        int answered = 0; // the biggest burst answered in full so far
        int refused = 0; // the smallest burst that got a 429 so far (0 = none yet)
        int atOnce = 1;
        while (true) {
            simulator.reset(); // fresh windows, as if a minute had passed since the last burst
            Round round = fireAtOnce(model, atOnce);
            rounds.add(round);
            if (round.refused() > 0) {
                refused = atOnce;
            } else {
                answered = atOnce;
            }
            if (refused == 0 ? atOnce == maxRequests : refused - answered == 1) {
                return rounds;
            }
            atOnce = refused == 0 ? Math.min(2 * atOnce, maxRequests) : (answered + refused) / 2;
        }
    }

    static Round fireAtOnce(ChatModel model, int atOnce) throws InterruptedException {
        List<Callable<Boolean>> calls = Questions.numbered(atOnce).stream()
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
            return new Round(atOnce, answered, atOnce - answered);
        }
    }
    // end::find[]

    static String report(Simulator simulator, List<Provider> providers, int maxRequests) throws InterruptedException {
        var table = new ConsoleTable("Provider", "At once", "Answered", "429s");
        var conclusions = new StringBuilder();
        for (Provider provider : providers) {
            ChatModel model = provider.chatModel(ModelOptions.builder()
                    .maxOutputTokens(Questions.MAX_ANSWER_TOKENS).maxRetries(0).build());
            List<Round> rounds = findTheLimit(simulator, model, maxRequests);
            rounds.forEach(round -> table.row(provider.displayName(), round.atOnce(), round.answered(),
                    round.refused()));
            PublishedLimits limits = PublishedLimits.of(simulator, provider.modelName());
            OptionalInt firstRefused = rounds.stream().filter(round -> round.refused() > 0)
                    .mapToInt(Round::atOnce).min();
            conclusions.append(firstRefused.isPresent()
                    ? "%s: 429s begin at %d requests at once; the tier allows %d per %s.%n".formatted(
                    provider.displayName(), firstRefused.getAsInt(), limits.requests(),
                    Durations.seconds(limits.requestWindow()))
                    : "%s: no 429 up to %d at once; raise --requests.%n".formatted(provider.displayName(), maxRequests));
        }
        return table.render() + conclusions;
    }
}
