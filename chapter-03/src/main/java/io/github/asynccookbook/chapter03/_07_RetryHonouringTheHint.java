package io.github.asynccookbook.chapter03;

import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.ChatModel;
import io.github.asynccookbook.harness.Bounds;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.harness.ProviderOptions;
import io.github.asynccookbook.harness.Questions;
import io.github.asynccookbook.harness.QuietLogs;
import io.github.asynccookbook.providers.ModelOptions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.recipes.RetryOnRateLimit;
import io.github.asynccookbook.report.ConsoleTable;
import io.github.asynccookbook.report.Durations;
import io.github.asynccookbook.simulator.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.github.asynccookbook.chapter03._05_HandBuiltRateLimiter.MAX_ANSWER_TOKENS;

/**
 * The 429 troubleshooting advice, measured: more requests than the tier allows, all at once, first with
 * LangChain4j's built-in retry (0.5 s, then 0.75 s, whatever the provider said), then with {@link RetryOnRateLimit}
 * (as long as the provider asked). The simulator counts the requests each one sent.
 */
@Command(name = "_07_RetryHonouringTheHint", mixinStandardHelpOptions = true,
        description = "Compare LangChain4j's built-in retry with a retry that waits as long as the provider asked.")
public final class _07_RetryHonouringTheHint implements Callable<Integer> {

    // tag::compare[]
    /** One question; a 429 that escapes its retry ends it. */
    @FunctionalInterface
    interface Ask {
        String ask(String question) throws Exception;
    }

    /** LangChain4j's own retry: a model built with the default maxRetries(2) waits ~0.5 s, then ~0.8 s. */
    static Ask builtInRetry(ChatModel modelWithDefaultRetries) {
        return modelWithDefaultRetries::chat;
    }

    /** RetryOnRateLimit around a model built with maxRetries(0), so the two retries do not stack. */
    static Ask retryOnRateLimit(ChatModel modelWithoutRetries, Duration requestWindow) {
        var retry = RetryOnRateLimit.builder()
                .waitWithoutHint(requestWindow) // Mistral gives no hint: wait one window
                .build();
        return question -> retry.call(() -> modelWithoutRetries.chat(question));
    }

    /** Every question at once; each ends answered (empty) or with the 429 that escaped its retry. */
    static List<Optional<RateLimitException>> askAtOnce(List<String> questions, Ask ask)
            throws InterruptedException {
        List<Callable<Optional<RateLimitException>>> calls = questions.stream()
                .<Callable<Optional<RateLimitException>>>map(question -> () -> {
                    try {
                        ask.ask(question);
                        return Optional.empty();
                    } catch (RateLimitException refused) {
                        return Optional.of(refused);
                    }
                })
                .toList();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            return executor.invokeAll(calls).stream().map(Future::resultNow).toList();
        }
    }
    // end::compare[]

    @Mixin
    ProviderOptions providers;

    @Option(names = "--requests", paramLabel = "N",
            description = "How many questions to fire at once (default: one more than the tier allows).")
    Integer requests;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        QuietLogs.builtInRetry();
        ChapterCli.exit(new _07_RetryHonouringTheHint(), args);
    }

    @Override
    public Integer call() throws Exception {
        OptionalInt asked = requests == null ? OptionalInt.empty() : OptionalInt.of(requests);
        asked.ifPresent(n -> Bounds.require(spec, "--requests", n, 1, Workload.MAX_REQUESTS));
        RateLimitLab.of(spec, providers).run((simulator, chosen) -> {
            var bursts = new ArrayList<Burst>();
            for (Provider provider : chosen) {
                bursts.addAll(compare(simulator, provider, asked));
            }
            System.out.print(table(bursts));
        });
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

    /** Both retries, each on fresh windows: {@code requests} questions at once, or one more than the tier allows. */
    static List<Burst> compare(Simulator simulator, Provider provider, OptionalInt requests)
            throws InterruptedException {
        PublishedLimits limits = PublishedLimits.of(simulator, provider.modelName());
        List<String> questions = Questions.numbered(requests.orElse(Math.toIntExact(limits.requests() + 1)));
        ChatModel withDefaultRetries = provider.chatModel(ModelOptions.builder()
                .maxOutputTokens(MAX_ANSWER_TOKENS).build());
        ChatModel withoutRetries = provider.chatModel(ModelOptions.builder()
                .maxOutputTokens(MAX_ANSWER_TOKENS).maxRetries(0).build());
        return List.of(
                burst(simulator, provider, "LangChain4j maxRetries(2)", questions, builtInRetry(withDefaultRetries)),
                burst(simulator, provider, "RetryOnRateLimit", questions,
                        retryOnRateLimit(withoutRetries, limits.requestWindow())));
    }

    static Burst burst(Simulator simulator, Provider provider, String retry, List<String> questions, Ask ask)
            throws InterruptedException {
        simulator.reset();
        long start = System.nanoTime();
        List<Optional<RateLimitException>> outcomes = askAtOnce(questions, ask);
        Duration time = Duration.ofNanos(System.nanoTime() - start);
        long answered = outcomes.stream().filter(Optional::isEmpty).count();
        Optional<Duration> lastHint = outcomes.stream().flatMap(Optional::stream)
                .map(RetryOnRateLimit::retryHint).flatMap(Optional::stream).reduce((first, second) -> second);
        return new Burst(provider.displayName(), retry, questions.size(), answered,
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
