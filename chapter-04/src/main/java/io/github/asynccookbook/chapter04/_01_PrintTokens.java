package io.github.asynccookbook.chapter04;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.harness.GroundTruth;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.recipes.TtftMeter;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Prints each provider's answer chunk by chunk with LangChain4j's streaming handler, and times it. */
@Command(name = "_01_PrintTokens", mixinStandardHelpOptions = true,
        description = "Print tokens as they arrive with a StreamingChatResponseHandler, then TTFT and speed.")
public final class _01_PrintTokens extends StreamingExample {

    // tag::handler[]
    static Optional<TtftMeter.Timing> printTokens(StreamingChatModel model, String prompt) {
        ChatRequest request = ChatRequest.builder().messages(UserMessage.from(prompt)).build();
        var meter = new TtftMeter();
        var done = new CompletableFuture<Optional<TtftMeter.Timing>>();
        meter.start();                                     // t0: right before the call
        model.chat(request, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String text) {   // runs on the stream's own thread
                meter.onPartialResponse(text);             // the first one is the first token
                System.out.print(text);
                System.out.flush();
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                meter.onCompleteResponse(response);
                done.complete(meter.timing());             // empty for an answer without text
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        return done.join();                                // chat() returned at once; wait for the end here
    }
    // end::handler[]

    public static void main(String[] args) {
        ChapterCli.exit(new _01_PrintTokens(), args);
    }

    @Override
    void run(List<Provider> providers, String prompt) {
        for (Provider provider : providers) {
            System.out.printf("%n-- %s (%s), streamed with a handler --%n", provider.displayName(), provider.modelName());
            printTiming(printTokens(provider.streamingChatModel(), prompt), provider);
        }
    }

    /** The client's timing of the stream, then the TTFT the simulator applied to it (nothing when live). */
    static void printTiming(Optional<TtftMeter.Timing> timing, Provider provider) {
        System.out.printf("%n%s%n", timing.map(TtftMeter.Timing::summary).orElse("no text, so no first token"));
        GroundTruth.appliedTtftOfLatest(provider).ifPresent(applied -> System.out.printf(
                "simulator: TTFT applied %d ms (server side: no request building, sending or parsing)%n",
                applied.toMillis()));
    }
}
