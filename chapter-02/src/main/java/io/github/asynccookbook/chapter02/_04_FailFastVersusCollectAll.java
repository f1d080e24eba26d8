package io.github.asynccookbook.chapter02;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.github.asynccookbook.harness.Bounds;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.harness.GroundTruth;
import io.github.asynccookbook.harness.ProviderOptions;
import io.github.asynccookbook.harness.Questions;
import io.github.asynccookbook.harness.SimulatorHints;
import io.github.asynccookbook.providers.ModelOptions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.recipes.AsyncChat;
import io.github.asynccookbook.recipes.Batch;
import io.github.asynccookbook.recipes.Batch.BatchFailedException;
import io.github.asynccookbook.recipes.Batch.Outcome;
import io.github.asynccookbook.report.ConsoleTable;
import io.github.asynccookbook.report.Durations;
import io.github.asynccookbook.simulator.ModelStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

/**
 * One call fails early while the others are writing long answers. Collecting everything waits for them all; failing
 * fast cancels them, and the simulator confirms the clients really went away: a blocking {@code ChatModel.chat} by
 * interrupting its virtual thread, a streaming call by {@code StreamingHandle.cancel()} at its next partial.
 */
@Command(name = "_04_FailFastVersusCollectAll", mixinStandardHelpOptions = true,
        description = "Fail fast (cancel the rest) vs collect everything, with the simulator's view of cancellation.")
public final class _04_FailFastVersusCollectAll implements Callable<Integer> {

    // tag::strategies[]
    static List<Outcome<String>> collectAll(Batch.Call<String, String> call, List<String> prompts) {
        return Batch.of(prompts)
                .maxConcurrency(Integer.MAX_VALUE) // gather: every call at once
                .returnExceptions(true) // a failure fills its slot, the other calls go on
                .run(call);
    }

    static List<Outcome<String>> failFast(Batch.Call<String, String> call, List<String> prompts) {
        return Batch.of(prompts)
                .maxConcurrency(Integer.MAX_VALUE)
                .run(call); // the first failure cancels the other calls and throws BatchFailedException
    }
    // end::strategies[]

    // tag::streamingCall[]
    /** Cancelling the batch interrupts the waiting thread, which cancels the future, which cancels the stream. */
    static Batch.Call<String, String> streamingCall(StreamingChatModel model) {
        Batch.Call<String, ChatResponse> call = Batch.awaiting(prompt -> AsyncChat.chatAsync(model, prompt));
        return prompt -> call.call(prompt).aiMessage().text();
    }
    // end::streamingCall[]

    static final int FAILING = 2;
    static final int MAX_REQUESTS = 1_000;
    static final int MAX_TOKENS = 10_000;

    @Mixin
    ProviderOptions providers;

    @Option(names = "--requests", paramLabel = "N", defaultValue = "6",
            description = "Calls in the batch, " + (FAILING + 1) + " to " + MAX_REQUESTS
                    + " (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--tokens", paramLabel = "T", defaultValue = "400",
            description = "Length of the answers that keep running, 1 to " + MAX_TOKENS
                    + " (default: ${DEFAULT-VALUE}).")
    int tokens;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        ChapterCli.exit(new _04_FailFastVersusCollectAll(), args);
    }

    @Override
    public Integer call() {
        Bounds.require(spec, "--requests", requests, FAILING + 1, MAX_REQUESTS);
        Bounds.require(spec, "--tokens", tokens, 1, MAX_TOKENS);
        for (Provider provider : providers.providers()) {
            compare(provider, requests, tokens);
        }
        return 0;
    }

    /** Long answers, except prompt {@link #FAILING}, which the simulator fails at once (a real API sees neither hint). */
    static List<String> prompts(Provider provider, int requests, int tokens) {
        return IntStream.range(0, requests)
                .mapToObj(i -> i == FAILING ? SimulatorHints.fault(provider, Questions.about(i), "500")
                        : SimulatorHints.answerLength(provider, Questions.about(i), tokens))
                .toList();
    }

    static void compare(Provider provider, int requests, int tokens) {
        var noRetries = ModelOptions.builder().maxRetries(0).build();
        ChatModel blocking = provider.chatModel(noRetries);
        StreamingChatModel streaming = provider.streamingChatModel(noRetries);
        List<String> prompts = prompts(provider, requests, tokens);
        System.out.printf("%n%s: %d calls of ~%d tokens, #%d fails at once%n",
                provider.displayName(), requests, tokens, FAILING);
        var table = new ConsoleTable("strategy", "returned after", "what the caller got", "200", "500",
                "client left", "tokens sent");
        row(table, provider, "collect all (blocking)", () -> collectAll(blocking::chat, prompts));
        row(table, provider, "fail fast (blocking)", () -> failFast(blocking::chat, prompts));
        row(table, provider, "fail fast (streaming)", () -> failFast(streamingCall(streaming), prompts));
        System.out.print(table.render());
    }

    @FunctionalInterface
    private interface Run {
        List<Outcome<String>> run();
    }

    private static String outcome(Run run) {
        try {
            List<Outcome<String>> outcomes = run.run();
            long failed = outcomes.stream().filter(o -> o instanceof Outcome.Failure<String>).count();
            return "%d ok, %d failed".formatted(outcomes.size() - failed, failed);
        } catch (BatchFailedException e) {
            return "BatchFailedException at #%d (%s)".formatted(e.failure().index(),
                    e.getCause().getClass().getSimpleName());
        }
    }

    private static void row(ConsoleTable table, Provider provider, String strategy, Run run) {
        GroundTruth.reset(provider);
        long start = System.nanoTime();
        String result = outcome(run);
        String returnedAfter = Durations.seconds(System.nanoTime() - start);
        Optional<ModelStats> settled = GroundTruth.settled(provider);
        long planned = GroundTruth.plannedTokens(provider);
        settled.ifPresentOrElse(
                stats -> table.row(strategy, returnedAfter, result, stats.count(200), stats.count(500),
                        stats.clientDisconnects(), "%d of %d".formatted(stats.tokensSent(), planned)),
                () -> table.row(strategy, returnedAfter, result, "-", "-", "-", "-"));
    }
}
