package io.github.asynccookbook.chapter04;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.recipes.StreamingFlux;
import io.github.asynccookbook.recipes.TtftMeter;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.Optional;

/** The same answer as a {@code Flux<String>}: Java's {@code async for chunk in model.astream(...)}. */
@Command(name = "_02_FluxStream", mixinStandardHelpOptions = true,
        description = "Stream with StreamingFlux (lazy, cancellable Flux<String>) and time it with a TtftMeter.")
public final class _02_FluxStream extends StreamingExample {

    // tag::flux[]
    static Optional<TtftMeter.Timing> streamTokens(StreamingChatModel model, String prompt) {
        ChatRequest request = ChatRequest.builder().messages(UserMessage.from(prompt)).build();
        var meter = new TtftMeter();
        StreamingFlux.stream(model, request, meter::start)  // nothing sent yet; the meter starts at subscribe
                .doOnNext(chunk -> {                         // each chunk as it arrives
                    System.out.print(chunk);
                    System.out.flush();
                })
                .blockLast();                                // subscribe and wait
        return meter.timing();
    }
    // end::flux[]

    public static void main(String[] args) {
        ChapterCli.exit(new _02_FluxStream(), args);
    }

    @Override
    void run(List<Provider> providers, String prompt) {
        for (Provider provider : providers) {
            System.out.printf("%n-- %s (%s), streamed as a Flux<String> --%n", provider.displayName(), provider.modelName());
            _01_PrintTokens.printTiming(streamTokens(provider.streamingChatModel(), prompt), provider);
        }
    }
}
