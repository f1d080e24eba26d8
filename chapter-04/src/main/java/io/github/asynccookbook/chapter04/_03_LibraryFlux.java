package io.github.asynccookbook.chapter04;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.service.AiServices;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.harness.GroundTruth;
import io.github.asynccookbook.harness.SimulatorHints;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.recipes.StreamingFlux;
import io.github.asynccookbook.report.ConsoleTable;
import io.github.asynccookbook.simulator.RequestRecord;
import picocli.CommandLine.Command;
import reactor.core.publisher.Flux;

import java.util.List;

/**
 * The library way, an AiServices method returning {@code Flux<String>} (langchain4j-reactor), beside
 * {@link StreamingFlux}: the simulator shows the library's Flux is eager and that disposing it does not stop the
 * HTTP stream.
 */
@Command(name = "_03_LibraryFlux", mixinStandardHelpOptions = true,
        description = "langchain4j-reactor's AiServices Flux<String> versus StreamingFlux: eager vs lazy, "
                + "dispose vs cancel.")
public final class _03_LibraryFlux extends StreamingExample {

    // tag::service[]
    interface Assistant {
        Flux<String> chat(String prompt);   // needs langchain4j-reactor on the classpath
    }
    // end::service[]

    // tag::eager[]
    /** langchain4j-reactor's Flux: the request goes out when chat() is called, before anyone subscribes. */
    static Flux<String> libraryFlux(StreamingChatModel model, String prompt) {
        Assistant assistant = AiServices.builder(Assistant.class).streamingChatModel(model).build();
        return assistant.chat(prompt);                               // eager: sent now
    }

    /** The recipe's Flux: nothing is sent before subscribe(), and each subscription is a new request. */
    static Flux<String> recipeFlux(StreamingChatModel model, String prompt) {
        return StreamingFlux.stream(model, ChatRequest.builder().messages(UserMessage.from(prompt)).build());
    }
    // end::eager[]

    // tag::dispose[]
    static final int CHUNKS_TAKEN = 2;

    /** "Stop after two chunks": take(2) disposes the Flux, but only the recipe's then closes the HTTP stream. */
    static List<String> firstChunks(Flux<String> answer) {
        return answer.take(CHUNKS_TAKEN).collectList().block();
    }
    // end::dispose[]

    /** Long enough that two chunks are a small part of the answer. */
    static final int ANSWER_TOKENS = 200;

    public static void main(String[] args) {
        ChapterCli.exit(new _03_LibraryFlux(), args);
    }

    @Override
    void run(List<Provider> providers, String prompt) {
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

    /** Both Flux kinds of one prompt, as the simulator saw them: sent before subscribe? stopped by take(2)? */
    private static void compare(Provider provider, String prompt) {
        StreamingChatModel model = provider.streamingChatModel();
        long seen = GroundTruth.requestsSeen(provider).orElseThrow();
        Flux<String> ours = recipeFlux(model, prompt);
        Flux<String> theirs = libraryFlux(model, prompt);
        RequestRecord unread = GroundTruth.finishedAfter(provider, seen).orElseThrow();   // answered, unread
        long sentBeforeSubscribe = GroundTruth.requestsSeen(provider).orElseThrow() - seen;   // 1: theirs only

        firstChunks(libraryFlux(model, prompt));
        RequestRecord libraryTaken = GroundTruth.latestFinished(provider).orElseThrow();
        firstChunks(ours);
        RequestRecord oursTaken = GroundTruth.latestFinished(provider).orElseThrow();

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
