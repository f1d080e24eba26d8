package io.github.asynccookbook.chapter04;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.Providers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.concurrent.Callable;

/** The "stop generating" button: cancel a long answer half way and check that the provider stopped sending. */
@Command(name = "_05_StopGenerating", mixinStandardHelpOptions = true,
        description = "Cancel a long stream after about half of it and show that the simulator stopped sending.")
public final class _05_StopGenerating implements Callable<Integer> {

    /** The simulated answer's length, and where the reader presses "stop" (the simulator's tokens are ~0.75 words). */
    static final int ANSWER_TOKENS = 400;
    static final int STOP_AFTER_WORDS = 150;

    @Mixin
    ExampleOptions options;

    public static void main(String[] args) {
        System.exit(new CommandLine(new _05_StopGenerating()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Providers.runMain(() -> run(options.providers(), options.prompt));
        return 0;
    }

    static void run(List<Provider> providers, String prompt) {
        for (Provider provider : providers) {
            System.out.printf("%n-- %s (%s): stop generating after %d words --%n", provider.displayName(),
                    provider.modelName(), STOP_AFTER_WORDS);
            String longPrompt = SimulatorHints.answerLength(provider, prompt, ANSWER_TOKENS);
            ChatRequest request = ChatRequest.builder().messages(UserMessage.from(longPrompt)).build();
            // tag::stop[]
            var received = new StringBuilder();
            StreamingFlux.stream(provider.streamingChatModel(), request)
                    .doOnNext(received::append)
                    .takeUntil(chunk -> words(received) >= STOP_AFTER_WORDS)   // "stop": cancels upstream
                    .blockLast();
            // end::stop[]
            System.out.printf("[stopped] %d words received%n", words(received));
            GroundTruth.latestFinished(provider).ifPresentOrElse(
                    r -> System.out.printf("simulator: sent %d of %d planned tokens, client disconnect recorded: %s%n",
                            r.tokensSent(), r.plannedTokens(), r.clientDisconnected() ? "yes" : "no"),
                    () -> System.out.println("live provider: no ground truth to show"));
        }
    }

    private static int words(CharSequence text) {
        String trimmed = text.toString().strip();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }
}
