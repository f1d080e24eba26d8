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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The 429 troubleshooting advice, measured: one request more than the tier allows, all at once, first with
 * LangChain4j's built-in retry (0.5 s, then 0.75 s, whatever the provider said), then with {@link RetryOnRateLimit}
 * (as long as the provider asked). The simulator counts the requests each one sent.
 */
@Command(name = "_07_RetryHonouringTheHint", mixinStandardHelpOptions = true,
        description = "Compare LangChain4j's built-in retry with a retry that waits as long as the provider asked.")
public final class _07_RetryHonouringTheHint implements Callable<Integer> {

    @Mixin
    Workload workload;

    @Mixin
    RateLimitLab lab;

    public static void main(String[] args) {
        QuietBuiltInRetry.apply();
        System.exit(ChapterCli.execute(new _07_RetryHonouringTheHint(), args));
    }

    @Override
    public Integer call() throws Exception {
        System.out.println(lab.describe());
        try (Simulator simulator = lab.start()) {
            var bursts = new ArrayList<Burst>();
            for (Provider provider : workload.providers(ProviderSet.forSimulator(simulator))) {
                bursts.addAll(compare(simulator, provider));
            }
            System.out.print(table(bursts));
        }
        return 0;
    }

    /**
     * One burst of {@code asked} questions into fresh windows.
     *
     * @param requestsSent what the provider received, retries included
     * @param lastHint     the delay the last refused call was asked to wait, if one failed with a hint
     */
    record Burst(String provider, String retry, int asked, long answered, long requestsSent, Duration time,
                 Optional<Duration> lastHint) {
    }

    /** One question; a 429 that escapes it ends that question. */
    @FunctionalInterface
    interface Ask {
        String ask(String question) throws Exception;
    }

    // tag::compare[]
    static List<Burst> compare(Simulator simulator, Provider provider) throws InterruptedException {
        PublishedLimits limits = PublishedLimits.of(simulator, provider.modelName());
        int asked = Math.toIntExact(limits.requests() + 1);

        ChatModel builtIn = provider.chatModel(ModelOptions.builder() // LangChain4j's default: maxRetries(2)
                .maxOutputTokens(Questions.MAX_ANSWER_TOKENS).build());

        ChatModel noRetries = provider.chatModel(ModelOptions.builder()
                .maxOutputTokens(Questions.MAX_ANSWER_TOKENS).maxRetries(0).build());
        var retry = RetryOnRateLimit.builder()
                .waitWithoutHint(limits.requestWindow()) // Mistral gives no hint: wait one window
                .build();

        return List.of(
                burst(simulator, provider, "LangChain4j maxRetries(2)", asked, builtIn::chat),
                burst(simulator, provider, "RetryOnRateLimit", asked,
                        question -> retry.call(() -> noRetries.chat(question))));
    }
    // end::compare[]

    static Burst burst(Simulator simulator, Provider provider, String retry, int asked, Ask ask)
            throws InterruptedException {
        simulator.reset();
        List<Callable<Optional<RateLimitException>>> calls = Questions.numbered(asked).stream()
                .<Callable<Optional<RateLimitException>>>map(question -> () -> {
                    try {
                        ask.ask(question);
                        return Optional.empty();
                    } catch (RateLimitException refused) {
                        return Optional.of(refused);
                    }
                })
                .toList();
        long start = System.nanoTime();
        List<Optional<RateLimitException>> outcomes;
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            outcomes = executor.invokeAll(calls).stream().map(Future::resultNow).toList();
        }
        Duration time = Duration.ofNanos(System.nanoTime() - start);
        long answered = outcomes.stream().filter(Optional::isEmpty).count();
        Optional<Duration> lastHint = outcomes.stream().flatMap(Optional::stream)
                .map(RetryHint::of).flatMap(Optional::stream).reduce((first, second) -> second);
        return new Burst(provider.displayName(), retry, asked, answered,
                simulator.stats().model(provider.modelName()).requests(), time, lastHint);
    }

    static String table(List<Burst> bursts) {
        var table = new ConsoleTable("Provider", "Retry", "Asked", "Answered", "Requests sent", "Time",
                "Unanswered 429 said");
        for (Burst burst : bursts) {
            table.row(burst.provider(), burst.retry(), burst.asked(), burst.answered(), burst.requestsSent(),
                    Durations.seconds(burst.time()),
                    burst.lastHint().map(hint -> "retry in " + Durations.seconds(hint)).orElse("-"));
        }
        return table.render();
    }
}
