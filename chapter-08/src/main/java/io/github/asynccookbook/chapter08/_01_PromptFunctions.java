package io.github.asynccookbook.chapter08;

import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.Result;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.TokenStream;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.providers.ModelOptions;
import io.github.asynccookbook.providers.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** A prompt function as an AI service: one interface, called sync, async (Mono) and streaming (Flux). */
@Command(name = "_01_PromptFunctions", mixinStandardHelpOptions = true,
        description = "A prompt function as an AI service: String, Result<String>, async Mono, streaming Flux.")
public final class _01_PromptFunctions implements Callable<Integer> {

    static final String DEFAULT_GENRE = "science fiction";
    /** Gemini and Mistral both take a JSON schema; LangChain4j's models do not declare it unless told. */
    static final ModelOptions JSON_SCHEMA = ModelOptions.builder()
            .capabilities(Set.of(Capability.RESPONSE_FORMAT_JSON_SCHEMA)).build();

    // tag::service[]
    /** Structured output: an AI service method returning this record gets the answer parsed into it. */
    public record MovieCard(String title, int year, String director, String summary) {
    }

    public interface MovieSummaries {
        @SystemMessage("You are a film critic. Answer in two sentences.")
        @UserMessage("Summarize a classic {{genre}} movie.")
        String summary(@V("genre") String genre);

        @SystemMessage("You are a film critic. Answer in two sentences.")
        @UserMessage("Summarize a classic {{genre}} movie.")
        Result<String> summaryWithUsage(@V("genre") String genre);

        @SystemMessage("You are a film critic. Answer in two sentences.")
        @UserMessage("Summarize a classic {{genre}} movie.")
        TokenStream summaryStream(@V("genre") String genre);

        @SystemMessage("You are a film critic.")
        @UserMessage("Describe a classic {{genre}} movie.")
        MovieCard card(@V("genre") String genre);
    }

    /**
     * For {@code card} the model must declare {@code RESPONSE_FORMAT_JSON_SCHEMA}: then the record's JSON schema goes
     * with the request (Gemini {@code responseSchema}, Mistral {@code response_format}); otherwise LangChain4j only
     * describes the JSON in the prompt.
     */
    static MovieSummaries service(ChatModel model, StreamingChatModel streamingModel) {
        return AiServices.builder(MovieSummaries.class)
                .chatModel(model)
                .streamingChatModel(streamingModel)
                .build();   // thread-safe without chat memory: share one instance between all callers
    }

    /** Async: the blocking call runs on boundedElastic, so the subscribing thread never blocks. */
    static Mono<String> summaryAsync(MovieSummaries service, String genre) {
        return Mono.fromCallable(() -> service.summary(genre)).subscribeOn(Schedulers.boundedElastic());
    }

    /** Streaming: each subscription starts one TokenStream; its partial responses become the Flux's items. */
    static Flux<String> summaryTokens(MovieSummaries service, String genre) {
        return Flux.create(sink -> service.summaryStream(genre)
                .onPartialResponse(sink::next)
                .onCompleteResponse(response -> sink.complete())
                .onError(sink::error)
                .start());
    }
    // end::service[]

    @Mixin
    ExampleOptions options;

    @Option(names = "--genre", paramLabel = "TEXT", defaultValue = DEFAULT_GENRE,
            description = "The prompt's {{genre}} (default: \"${DEFAULT-VALUE}\").")
    String genre = DEFAULT_GENRE;

    public static void main(String[] args) {
        ChapterCli.exit(new _01_PromptFunctions(), args);
    }

    @Override
    public Integer call() {
        run(options.providers(), genre);
        return 0;
    }

    static void run(List<Provider> providers, String genre) {
        for (Provider provider : providers) {
            ExampleOptions.heading(provider, "1", "one prompt function, five ways");
            MovieSummaries service = service(provider.chatModel(JSON_SCHEMA), provider.streamingChatModel());
            System.out.println("sync:      " + ExampleOptions.firstSentence(service.summary(genre)));
            Result<String> result = service.summaryWithUsage(genre);
            System.out.printf("result:    %s%n           finish=%s, tokens %d in / %d out%n",
                    ExampleOptions.firstSentence(result.content()),
                    result.finishReason(), result.tokenUsage().inputTokenCount(),
                    result.tokenUsage().outputTokenCount());
            System.out.println("async:     " + ExampleOptions.firstSentence(summaryAsync(service, genre).block()));
            List<String> tokens = summaryTokens(service, genre).collectList().block();
            System.out.printf("streaming: %s%n           (%d partial responses)%n",
                    ExampleOptions.firstSentence(String.join("", tokens)),
                    tokens.size());
            MovieCard card = service.card(genre);
            System.out.printf("record:    %s (%d), directed by %s%n           %s%n", card.title(), card.year(),
                    card.director(), ExampleOptions.firstSentence(card.summary()));
        }
    }
}
