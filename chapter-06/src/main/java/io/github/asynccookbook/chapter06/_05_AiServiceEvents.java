package io.github.asynccookbook.chapter06;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.TokenStream;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.harness.GroundTruth;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.recipes.StreamEvents;
import io.github.asynccookbook.recipes.StreamEvents.StreamEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import reactor.core.publisher.Flux;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** The same event stream for an AI service that calls tools: model calls, tool calls and the rounds between. */
@Command(name = "_05_AiServiceEvents", mixinStandardHelpOptions = true,
        description = "Events of an AI service with a @Tool: model calls, tool start/end with arguments, rounds.")
public final class _05_AiServiceEvents implements Callable<Integer> {

    static final String DEFAULT_QUESTION = "What is the weather in Paris and London?";

    // tag::service[]
    public interface Assistant {
        TokenStream chat(String message);
    }

    public static final class WeatherTools {
        private static final Map<String, String> NOW =
                Map.of("Paris", "18°C, light rain", "London", "14°C, overcast");

        @Tool("Returns the current weather in a city")
        public String currentWeather(@P("the city") String city) {
            return city + ": " + NOW.getOrDefault(city, "21°C, sunny");
        }
    }

    static Flux<StreamEvent> events(StreamingChatModel model, String question) {
        Assistant assistant = AiServices.builder(Assistant.class)
                .streamingChatModel(model)
                .tools(new WeatherTools())
                .build();
        return StreamEvents.ofTokenStream("Assistant", model, Map.of("message", question),
                () -> assistant.chat(question));   // called once per subscription: each one is a new call
    }
    // end::service[]

    @Mixin
    ExampleOptions options;

    @Option(names = "--question", paramLabel = "TEXT", defaultValue = DEFAULT_QUESTION,
            description = "What to ask the assistant (default: \"${DEFAULT-VALUE}\").")
    String question = DEFAULT_QUESTION;

    public static void main(String[] args) {
        ChapterCli.exit(new _05_AiServiceEvents(), args);
    }

    @Override
    public Integer call() {
        run(options.providers(), question);
        return 0;
    }

    static void run(List<Provider> providers, String question) {
        for (Provider provider : providers) {
            ExampleOptions.heading(provider, "5", "an AI service with a tool");
            long start = System.nanoTime();
            List<StreamEvent> all = events(provider.streamingChatModel(), question).collectList().block();
            long end = System.nanoTime();
            Instant first = all.getFirst().timestamp();
            all.stream()
                    .filter(event -> !(event instanceof StreamEvent.ChatModelStream
                            || event instanceof StreamEvent.ChainStream))
                    .forEach(event -> System.out.println(EventLog.line(event, first)));
            System.out.printf("(and %d on_chat_model_stream, %d on_chain_stream events)%n",
                    all.stream().filter(StreamEvent.ChatModelStream.class::isInstance).count(),
                    all.stream().filter(StreamEvent.ChainStream.class::isInstance).count());
            GroundTruth.requestsDuring(provider, start, end).ifPresent(requests -> System.out.printf(
                    "simulator: %d requests, tokens %s%n", requests.size(), requests.stream()
                            .map(r -> r.promptTokens() + " in / " + r.tokensSent() + " out")
                            .collect(Collectors.joining(", "))));
        }
    }
}
