package io.github.asynccookbook.chapter08;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageType;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import io.github.asynccookbook.harness.Bounds;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.providers.ModelOptions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.recipes.ChatSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Chat sessions: the source's two-turn session, a bounded window, and many sessions on one AI service at once. */
@Command(name = "_04_ChatSessions", mixinStandardHelpOptions = true,
        description = "Chat sessions: two turns sharing a history cleared on close, a bounded window, "
                + "many concurrent sessions on one AI service.")
public final class _04_ChatSessions implements Callable<Integer> {

    static final String SYSTEM = "You are a friendly librarian. Answer briefly.";
    static final List<String> TWO_TURNS = List.of("Hi, I'm Ada and I love fantasy books.",
            "What is my name, and which books do I like?");
    private static final Pattern LOCKER = Pattern.compile("locker L(\\d+)");

    // tag::twoTurns[]
    /** The source's {@code async with} session: two turns share a history, cleared when the block ends. */
    static List<String> twoTurns(ChatSession.Service service, String first, String second) {
        try (ChatSession session = service.open()) {
            return List.of(session.send(first), session.send(second));
        }
    }
    // end::twoTurns[]

    // tag::sentEachTurn[]
    /** What each request really carries: the types of its messages, in order. */
    static ChatModelListener recordSent(Queue<List<ChatMessageType>> sent) {
        return new ChatModelListener() {
            @Override
            public void onRequest(ChatModelRequestContext context) {
                sent.add(context.chatRequest().messages().stream().map(ChatMessage::type).toList());
            }
        };
    }
    // end::sentEachTurn[]

    // tag::manySessions[]
    /** Every script is one conversation in its own session on the ONE shared service, up to maxSessions at once. */
    static Flux<List<String>> conversations(ChatSession.Service service, List<List<String>> scripts,
                                            int maxSessions) {
        return Flux.fromIterable(scripts).flatMapSequential(script -> Mono.using(
                service::open,                                                    // async with ... as session:
                session -> Flux.fromIterable(script).concatMap(session::sendAsync).collectList(),  // turns in order
                ChatSession::close), maxSessions);                                 // closed however it ends
    }
    // end::manySessions[]

    /** Session {@code i}'s script: a fact only it knows, then a question about it. */
    static List<String> lockerScript(int i) {
        return List.of("My locker is locker L%03d.".formatted(i), "Which locker is mine?");
    }

    /** The locker numbers a request's user messages mention: one session's requests mention its own only. */
    static java.util.Set<String> lockersIn(List<String> texts) {
        return texts.stream().flatMap(text -> LOCKER.matcher(text).results().map(m -> m.group(1)))
                .collect(Collectors.toSet());
    }

    @Mixin
    ExampleOptions options;

    @Option(names = "--sessions", paramLabel = "N", defaultValue = "100",
            description = "Sessions in part 4.3, 1 to 2000 (default: ${DEFAULT-VALUE}).")
    int sessions = 100;

    @Option(names = "--max-sessions", paramLabel = "N", defaultValue = "20",
            description = "Sessions talking at once in part 4.3, 1 to 2000 (default: ${DEFAULT-VALUE}): "
                    + "the provider's rate limit is the real bound.")
    int maxSessions = 20;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        ChapterCli.exit(new _04_ChatSessions(), args);
    }

    @Override
    public Integer call() {
        Bounds.require(spec, "--sessions", sessions, 1, 2_000);
        Bounds.require(spec, "--max-sessions", maxSessions, 1, 2_000);
        for (Provider provider : options.providers()) {
            twoTurnSession(provider);
            window(provider);
            manySessions(provider, sessions, maxSessions);
        }
        return 0;
    }

    static void twoTurnSession(Provider provider) {
        ExampleOptions.heading(provider, "4.1", "a two-turn session, history cleared on close");
        var sent = new ConcurrentLinkedQueue<List<ChatMessageType>>();
        var service = new ChatSession.Service(model(provider, sent), SYSTEM, 10);
        List<String> answers = twoTurns(service, TWO_TURNS.get(0), TWO_TURNS.get(1));
        for (int turn = 0; turn < answers.size(); turn++) {
            System.out.printf("you:   %s%nmodel: %s%n       (sent %s)%n", TWO_TURNS.get(turn),
                    ExampleOptions.firstSentence(answers.get(turn)), describe(sent.poll()));
        }
        System.out.printf("closed: %d sessions open, nothing kept%n", service.openSessions());
    }

    static void window(Provider provider) {
        ExampleOptions.heading(provider, "4.2", "a window of 4 messages: what each turn sends");
        var sent = new ConcurrentLinkedQueue<List<ChatMessageType>>();
        var service = new ChatSession.Service(model(provider, sent), SYSTEM, 4);
        try (ChatSession session = service.open()) {
            for (int turn = 1; turn <= 4; turn++) {
                session.send("Turn " + turn + ": recommend another book.");
                System.out.printf("turn %d sent %s; the memory now holds %d%n", turn, describe(sent.poll()),
                        session.history().size());
            }
        }
    }

    static void manySessions(Provider provider, int count, int maxSessions) {
        ExampleOptions.heading(provider, "4.3", count + " sessions on one AI service, " + maxSessions + " at once");
        var service = new ChatSession.Service(provider.chatModel(), SYSTEM, 10);
        List<List<String>> scripts = IntStream.range(0, count).mapToObj(_04_ChatSessions::lockerScript).toList();
        long start = System.nanoTime();
        List<List<String>> answers = conversations(service, scripts, maxSessions).collectList().block();
        System.out.printf("%d sessions, %d turns in %,d ms; %d sessions still open%n", answers.size(),
                answers.stream().mapToInt(List::size).sum(), (System.nanoTime() - start) / 1_000_000,
                service.openSessions());
    }

    private static ChatModel model(Provider provider, Queue<List<ChatMessageType>> sent) {
        return provider.chatModel(ModelOptions.builder().listener(recordSent(sent)).build());
    }

    private static String describe(List<ChatMessageType> types) {
        return types.size() + " messages: " + types.stream().map(Enum::name).collect(Collectors.joining(" "));
    }
}
