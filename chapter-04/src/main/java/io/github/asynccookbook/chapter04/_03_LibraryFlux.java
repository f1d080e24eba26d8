package io.github.asynccookbook.chapter04;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.service.AiServices;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.Providers;
import io.github.asynccookbook.report.ConsoleTable;
import io.github.asynccookbook.simulator.RequestRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import reactor.core.publisher.Flux;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * The library way, an AiServices method returning {@code Flux<String>} (langchain4j-reactor), beside
 * {@link StreamingFlux}: the simulator shows the library's Flux is eager and that disposing it does not stop the
 * HTTP stream.
 */
@Command(name = "_03_LibraryFlux", mixinStandardHelpOptions = true,
        description = "langchain4j-reactor's AiServices Flux<String> versus StreamingFlux: eager vs lazy, "
                + "dispose vs cancel.")
public final class _03_LibraryFlux implements Callable<Integer> {

    static final int ANSWER_TOKENS = 200;
    static final int CHUNKS_TAKEN = 2;

    @Mixin
    ExampleOptions options;

    public static void main(String[] args) {
        System.exit(new CommandLine(new _03_LibraryFlux()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Providers.runMain(() -> run(options.providers(), options.prompt));
        return 0;
    }

    // tag::service[]
    interface Assistant {
        Flux<String> chat(String prompt);   // needs langchain4j-reactor on the classpath
    }
    // end::service[]

    static void run(List<Provider> providers, String prompt) {
        for (Provider provider : providers) {
            System.out.printf("%n-- %s (%s): langchain4j-reactor Flux vs StreamingFlux --%n",
                    provider.displayName(), provider.modelName());
            if (provider.simulator().isEmpty()) {
                System.out.println("needs the simulator's ground truth; skipped for a live provider");
                continue;
            }
            compare(provider, SimulatorHints.answerLength(provider, prompt, ANSWER_TOKENS));
        }
    }

    private static void compare(Provider provider, String prompt) {
        StreamingChatModel model = provider.streamingChatModel();
        // tag::eager[]
        Assistant assistant = AiServices.builder(Assistant.class).streamingChatModel(model).build();
        ChatRequest request = ChatRequest.builder().messages(UserMessage.from(prompt)).build();

        long seen = GroundTruth.requestsSeen(provider).orElseThrow();
        Flux<String> ours = StreamingFlux.stream(model, request);   // lazy: a recipe, nothing sent
        Flux<String> theirs = assistant.chat(prompt);               // eager: the request goes out now
        RequestRecord unread = GroundTruth.finishedAfter(provider, seen).orElseThrow();   // answered, unread
        long sentBeforeSubscribe = GroundTruth.requestsSeen(provider).orElseThrow() - seen;   // 1: theirs only
        // end::eager[]

        // tag::dispose[]
        assistant.chat(prompt).take(CHUNKS_TAKEN).blockLast();     // take(2) disposes the library's Flux...
        RequestRecord libraryTaken = GroundTruth.latestFinished(provider).orElseThrow();
        ours.take(CHUNKS_TAKEN).blockLast();                       // ...and ours
        RequestRecord oursTaken = GroundTruth.latestFinished(provider).orElseThrow();
        // end::dispose[]

        var table = new ConsoleTable("Flux<String>", "Sent before subscribe", "Tokens sent after take(2)",
                "Client disconnect");
        table.row("AiServices + langchain4j-reactor", "yes (" + tokens(unread) + ", unread)",
                tokens(libraryTaken), yesNo(libraryTaken.clientDisconnected()));
        table.row("StreamingFlux", yesNo(sentBeforeSubscribe > 1), tokens(oursTaken),
                yesNo(oursTaken.clientDisconnected()));
        System.out.print(table.render());

        long before = GroundTruth.requestsSeen(provider).orElseThrow();
        long chunks = theirs.count().blockOptional().orElseThrow();
        System.out.printf("Subscribing to the first library Flux now replays %d buffered chunks and sends %d new "
                + "requests.%n", chunks, GroundTruth.requestsSeen(provider).orElseThrow() - before);
    }

    private static String tokens(RequestRecord record) {
        return record.tokensSent() + " of " + record.plannedTokens();
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
