package io.github.asynccookbook.chapter10;

import dev.langchain4j.model.chat.ChatModel;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.harness.Failures;
import io.github.asynccookbook.harness.GroundTruth;
import io.github.asynccookbook.harness.SimulatorHints;
import io.github.asynccookbook.providers.ModelOptions;
import io.github.asynccookbook.providers.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Signal;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A failure stays in its slot: one outcome per prompt, the forced fault where it was asked for. A call that gets no
 * answer times out, and the connection is closed: the simulator records the client leaving.
 */
@Command(name = "_02_FaultsAndTimeouts", mixinStandardHelpOptions = true,
        description = "A forced HTTP 500 lands in its own slot of a batch; a stalled call times out and its "
                + "connection is closed.")
public final class _02_FaultsAndTimeouts implements Callable<Integer> {

    static final Duration TIMEOUT = Duration.ofSeconds(1);

    // tag::outcomes[]
    /**
     * One outcome per prompt, in input order: the answer ({@code signal.get()}) or the failure
     * ({@code signal.getThrowable()}). A failed call is a value in its slot, not the end of the batch.
     */
    public static List<Signal<String>> outcomes(ChatModel model, List<String> prompts, int limit) {
        return Flux.fromIterable(prompts)
                .flatMapSequential(p -> Mono.fromCallable(() -> model.chat(p))
                        .subscribeOn(Schedulers.boundedElastic())
                        .materialize(), limit)   // onNext(answer) or onError(failure), as a value
                .collectList()
                .block();
    }
    // end::outcomes[]

    /** A model that gives up when the response headers take longer than {@code timeout}, and does not retry. */
    public static ChatModel withTimeout(Provider provider, Duration timeout) {
        return provider.chatModel(ModelOptions.builder().timeout(timeout).maxRetries(0).build());
    }

    @Mixin
    ExampleOptions options;

    public static void main(String[] args) {
        ChapterCli.exit(new _02_FaultsAndTimeouts(), args);
    }

    @Override
    public Integer call() {
        run(options.providers());
        return 0;
    }

    static void run(List<Provider> providers) {
        for (Provider provider : providers) {
            ExampleOptions.heading(provider, "2", "a fault in its slot, then a timeout");
            ChatModel noRetries = provider.chatModel(ModelOptions.builder().maxRetries(0).build());
            List<String> prompts = List.of("Question A", SimulatorHints.fault(provider, "Question B", "500"), "Question C");
            List<Signal<String>> outcomes = outcomes(noRetries, prompts, prompts.size());
            for (int i = 0; i < outcomes.size(); i++) {
                Signal<String> outcome = outcomes.get(i);
                System.out.printf("slot %d: %s%n", i + 1, outcome.isOnError()
                        ? "failed: " + Failures.oneLine(outcome.getThrowable())
                        : "answered (" + outcome.get().length() + " characters)");
            }

            long seenBefore = GroundTruth.requestsSeen(provider).orElse(0L);
            try {
                withTimeout(provider, TIMEOUT).chat(SimulatorHints.fault(provider, "Question D", "stall-headers"));
                System.out.println("stalled call: answered within " + TIMEOUT.toMillis() + " ms");
            } catch (RuntimeException e) {
                System.out.printf("stalled call, %d ms timeout: %s%n", TIMEOUT.toMillis(), Failures.oneLine(e));
            }
            GroundTruth.finishedAfter(provider, seenBefore).ifPresentOrElse(
                    r -> System.out.printf("simulator: status %d, client disconnect recorded: %s%n", r.status(),
                            r.clientDisconnected() ? "yes" : "no"),
                    () -> System.out.println("live provider: no ground truth to show"));
        }
    }
}
