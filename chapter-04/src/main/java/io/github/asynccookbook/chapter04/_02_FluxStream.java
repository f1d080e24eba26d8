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

/** The same answer as a {@code Flux<String>}: Java's {@code async for chunk in model.astream(...)}. */
@Command(name = "_02_FluxStream", mixinStandardHelpOptions = true,
        description = "Stream with StreamingFlux (lazy, cancellable Flux<String>) and time it with a TtftMeter.")
public final class _02_FluxStream implements Callable<Integer> {

    @Mixin
    ExampleOptions options;

    public static void main(String[] args) {
        System.exit(new CommandLine(new _02_FluxStream()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Providers.runMain(() -> run(options.providers(), options.prompt));
        return 0;
    }

    static void run(List<Provider> providers, String prompt) {
        for (Provider provider : providers) {
            System.out.printf("%n-- %s (%s), streamed as a Flux<String> --%n", provider.displayName(), provider.modelName());
            ChatRequest request = ChatRequest.builder().messages(UserMessage.from(prompt)).build();
            // tag::flux[]
            var meter = new TtftMeter();
            StreamingFlux.stream(provider.streamingChatModel(), request, meter)   // nothing sent yet
                    .doOnNext(System.out::print)                                   // each chunk as it arrives
                    .blockLast();                                                  // subscribe and wait
            System.out.printf("%n%s%n", meter.timing().orElseThrow().summary());
            // end::flux[]
            GroundTruth.printAppliedTtft(provider);
        }
    }
}
