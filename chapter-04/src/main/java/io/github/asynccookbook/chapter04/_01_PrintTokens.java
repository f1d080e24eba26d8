package io.github.asynccookbook.chapter04;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.Providers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/** Prints each provider's answer chunk by chunk with LangChain4j's streaming handler, and times it. */
@Command(name = "_01_PrintTokens", mixinStandardHelpOptions = true,
        description = "Print tokens as they arrive with a StreamingChatResponseHandler, then TTFT and speed.")
public final class _01_PrintTokens implements Callable<Integer> {

    @Mixin
    ExampleOptions options;

    public static void main(String[] args) {
        System.exit(new CommandLine(new _01_PrintTokens()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Providers.runMain(() -> run(options.providers(), options.prompt));
        return 0;
    }

    static void run(List<Provider> providers, String prompt) {
        for (Provider provider : providers) {
            System.out.printf("%n-- %s (%s), streamed with a handler --%n", provider.displayName(), provider.modelName());
            StreamTiming timing = printTokens(provider.streamingChatModel(), prompt);
            System.out.printf("%n%s%n", timing.summary());
            GroundTruth.printAppliedTtft(provider);
        }
    }

    // tag::handler[]
    static StreamTiming printTokens(StreamingChatModel model, String prompt) {
        ChatRequest request = ChatRequest.builder().messages(UserMessage.from(prompt)).build();
        var meter = new TtftMeter();
        var done = new CompletableFuture<StreamTiming>();
        meter.start();                                     // t0: right before the call
        model.chat(request, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String text) {   // runs on the stream's own thread
                meter.chunk(text);                         // the first one is the first token
                System.out.print(text);
                System.out.flush();
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                meter.complete(response);
                done.complete(meter.timing().orElseThrow());
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        return done.join();                                // chat() returned at once; wait for the end here
    }
    // end::handler[]
}
