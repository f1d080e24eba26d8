package io.github.asynccookbook.chapter02;

import io.github.asynccookbook.chapter01.Cli;
import io.github.asynccookbook.chapter01.ProviderChoice;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.github.asynccookbook.chapter01.AsyncChat;
import io.github.asynccookbook.providers.ModelOptions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.report.ConsoleTable;
import io.github.asynccookbook.report.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.List;
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

    static final int FAILING = 2;

    @Mixin
    ProviderChoice providers;

    @Option(names = "--requests", paramLabel = "N", defaultValue = "6",
            description = "calls in the batch (default: ${DEFAULT-VALUE})")
    int requests;

    @Option(names = "--tokens", paramLabel = "T", defaultValue = "400",
            description = "length of the answers that keep running (default: ${DEFAULT-VALUE})")
    int tokens;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(Cli.execute(new _04_FailFastVersusCollectAll(), args));
    }

    @Override
    public Integer call() throws InterruptedException {
        if (requests < FAILING + 1 || requests > 1_000) {
            throw new ParameterException(spec.commandLine(),
                    "--requests must be between %d and 1000, got %d".formatted(FAILING + 1, requests));
        }
        if (tokens < 1 || tokens > 10_000) {
            throw new ParameterException(spec.commandLine(), "--tokens must be between 1 and 10000, got " + tokens);
        }
        for (Provider provider : providers.providers()) {
            compare(provider);
        }
        return 0;
    }

    /** Long answers, except prompt {@link #FAILING}, which the simulator fails at once (a real API ignores both). */
    List<String> prompts() {
        return IntStream.range(0, requests)
                .mapToObj(i -> Questions.about(i)
                        + (i == FAILING ? " [sim:fault=500]" : " [sim:tokens=" + tokens + "]"))
                .toList();
    }

    private void compare(Provider provider) throws InterruptedException {
        var noRetries = ModelOptions.builder().maxRetries(0).build();
        ChatModel blocking = provider.chatModel(noRetries);
        StreamingChatModel streaming = provider.streamingChatModel(noRetries);
        Batch<String> batch = Batch.of(prompts());
        System.out.printf("%n%s: %d calls of ~%d tokens, #%d fails at once%n",
                provider.displayName(), requests, tokens, FAILING);
        var table = new ConsoleTable("strategy", "returned after", "what the caller got", "200", "500",
                "client left", "tokens sent");
        row(table, provider, "collect all (blocking)", () -> batch.returnExceptions(true).run(blocking::chat));
        row(table, provider, "fail fast (blocking)", () -> batch.run(blocking::chat));
        row(table, provider, "fail fast (streaming)", () -> batch.run(streamingCall(streaming)));
        System.out.print(table.render());
    }

    // tag::streamingCall[]
    /** Cancelling the batch interrupts the waiting thread, which cancels the future, which cancels the stream. */
    static Batch.Call<String, String> streamingCall(StreamingChatModel model) {
        Batch.Call<String, ChatResponse> call = Batch.awaiting(prompt -> AsyncChat.chatAsync(model, prompt));
        return prompt -> call.call(prompt).aiMessage().text();
    }
    // end::streamingCall[]

    @FunctionalInterface
    private interface Run {
        List<? extends Outcome<?>> run();
    }

    private static String outcome(Run run) {
        try {
            List<? extends Outcome<?>> outcomes = run.run();
            long failed = outcomes.stream().filter(o -> o instanceof Outcome.Failure<?>).count();
            return "%d ok, %d failed".formatted(outcomes.size() - failed, failed);
        } catch (BatchFailedException e) {
            return "BatchFailedException at #%d (%s)".formatted(e.failure().index(),
                    e.getCause().getClass().getSimpleName());
        }
    }

    private static void row(ConsoleTable table, Provider provider, String strategy, Run run)
            throws InterruptedException {
        GroundTruth.reset(provider);
        long start = System.nanoTime();
        String result = outcome(run);
        String returnedAfter = Durations.seconds(System.nanoTime() - start);
        long planned = GroundTruth.plannedTokens(provider);
        GroundTruth.settled(provider).ifPresentOrElse(
                stats -> table.row(strategy, returnedAfter, result, stats.count(200), stats.count(500),
                        stats.clientDisconnects(), "%d of %d".formatted(stats.tokensSent(), planned)),
                () -> table.row(strategy, returnedAfter, result, "-", "-", "-", "-"));
    }
}
