package io.github.asynccookbook.chapter04;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.harness.GroundTruth;
import io.github.asynccookbook.harness.SimulatorHints;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.recipes.StreamingFlux;
import picocli.CommandLine.Command;

import java.util.List;

/** The "stop generating" button: cancel a long answer half way and check that the provider stopped sending. */
@Command(name = "_05_StopGenerating", mixinStandardHelpOptions = true,
        description = "Cancel a long stream after about half of it and show that the simulator stopped sending.")
public final class _05_StopGenerating extends StreamingExample {

    // tag::stop[]
    /** Streams the answer until {@code words} words have arrived, then presses "stop"; returns what was shown. */
    static String stopAfterWords(StreamingChatModel model, ChatRequest request, int words) {
        var received = new StringBuilder();
        StreamingFlux.stream(model, request)
                .doOnNext(received::append)
                .takeUntil(chunk -> wordCount(received) >= words)   // "stop": cancels upstream
                .blockLast();
        return received.toString();
    }

    static int wordCount(CharSequence text) {
        String trimmed = text.toString().strip();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }
    // end::stop[]

    /** The simulated answer's length, and where the reader presses "stop" (the simulator's tokens are ~0.75 words). */
    static final int ANSWER_TOKENS = 400;
    static final int STOP_AFTER_WORDS = 150;

    public static void main(String[] args) {
        ChapterCli.exit(new _05_StopGenerating(), args);
    }

    @Override
    void run(List<Provider> providers, String prompt) {
        for (Provider provider : providers) {
            System.out.printf("%n-- %s (%s): stop generating after %d words --%n", provider.displayName(),
                    provider.modelName(), STOP_AFTER_WORDS);
            String longPrompt = SimulatorHints.answerLength(provider, prompt, ANSWER_TOKENS);
            ChatRequest request = ChatRequest.builder().messages(UserMessage.from(longPrompt)).build();
            String shown = stopAfterWords(provider.streamingChatModel(), request, STOP_AFTER_WORDS);
            System.out.printf("[stopped] %d words received%n", wordCount(shown));
            GroundTruth.latestFinished(provider).ifPresentOrElse(
                    r -> System.out.printf("simulator: sent %d of %d planned tokens, client disconnect recorded: %s%n",
                            r.tokensSent(), r.plannedTokens(), r.clientDisconnected() ? "yes" : "no"),
                    () -> System.out.println("live provider: no ground truth to show"));
        }
    }
}
