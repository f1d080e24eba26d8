package io.github.asynccookbook.chapter06;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.input.PromptTemplate;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.recipes.StreamEvents.Chain;
import io.github.asynccookbook.recipes.StreamEvents.Step;
import io.github.asynccookbook.recipes.StreamEvents.StreamEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The source snippet: the chain {@code prompt | model | parser} and its {@code astream_events}, printing the start
 * and the model's tokens as they arrive.
 */
@Command(name = "_01_ChainEvents", mixinStandardHelpOptions = true,
        description = "The chain's event stream: [Starting: name], the tokens as they arrive, then every event type.")
public final class _01_ChainEvents implements Callable<Integer> {

    // tag::chain[]
    static Chain bulletPoints(StreamingChatModel model) {
        var system = SystemMessage.from("You are a helpful assistant.");
        var human = PromptTemplate.from("Give 3 bullet points about: {{topic}}");
        return Chain.of("BulletPoints",
                new Step<>("PromptTemplate", variables -> List.of(system, human.apply(variables).toUserMessage())),
                model,
                new Step<>("StringParser", AiMessage::text));
    }
    // end::chain[]

    // tag::events[]
    static List<StreamEvent> printEvents(Chain chain, String topic) {
        return chain.streamEvents(Map.of("topic", topic))
                .doOnNext(event -> {
                    switch (event) {
                        case StreamEvent.ChainStart start -> System.out.printf("[Starting: %s]%n", start.name());
                        case StreamEvent.ChatModelStream chunk -> System.out.print(chunk.chunk());
                        default -> { }
                    }
                })
                .collectList()
                .block();
    }
    // end::events[]

    @Mixin
    ExampleOptions options;

    public static void main(String[] args) {
        ChapterCli.exit(new _01_ChainEvents(), args);
    }

    @Override
    public Integer call() {
        run(options.providers(), options.topic);
        return 0;
    }

    static void run(List<Provider> providers, String topic) {
        for (Provider provider : providers) {
            ExampleOptions.heading(provider, "1", "astream_events on the chain");
            List<StreamEvent> events = printEvents(bulletPoints(provider.streamingChatModel()), topic);
            System.out.printf("%n%n%s", EventLog.table(events));
        }
    }
}
