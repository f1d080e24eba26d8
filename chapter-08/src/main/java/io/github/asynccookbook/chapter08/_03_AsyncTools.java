package io.github.asynccookbook.chapter08;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecifications;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.Result;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.tool.DefaultToolExecutor;
import dev.langchain4j.service.tool.ToolErrorHandlerResult;
import dev.langchain4j.service.tool.ToolExecution;
import io.github.asynccookbook.harness.Bounds;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.harness.SimulatorHints;
import io.github.asynccookbook.providers.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

/** Tools that wait on I/O: the source's FormatBook flow, parallel tool calls, a failing tool, a runaway loop. */
@Command(name = "_03_AsyncTools", mixinStandardHelpOptions = true,
        description = "Tools doing slow I/O: FormatBook, several calls in one turn sequential vs concurrent, "
                + "a failing tool, maxToolCallingRoundTrips stopping a loop.")
public final class _03_AsyncTools implements Callable<Integer> {

    static final Duration DEFAULT_LOOKUP = Duration.ofSeconds(1);
    static final String THREE_BOOKS = "Find the author and year for Dune, Emma and Ulysses.";
    static final String WISH_LIST = "\"The Name of the Wind\" (author \"Patrick Rothfuss\")";
    static final String UNKNOWN_BOOK = "Find the author and year for Necronomicon.";

    // tag::formatBook[]
    /** The source's FormatBook tool: its call waits on slow I/O (the source's {@code await asyncio.sleep(1)}). */
    public static final class FormatBook {
        private final Duration latency;

        public FormatBook(Duration latency) {
            this.latency = latency;
        }

        @Tool("Formats a book recommendation as: title by author")
        public String formatBook(@P("the book's title") String title, @P("the book's author") String author)
                throws InterruptedException {
            Thread.sleep(latency);
            return title + " by " + author;
        }
    }

    /** The model answers with a tool call; we run it ourselves and return its output (or the text if it did not). */
    static Mono<String> recommendBook(ChatModel model, FormatBook tool, String genre, String wishList) {
        ChatRequest request = ChatRequest.builder()
                .messages(UserMessage.from("Recommend a " + genre + " book from my wish list: " + wishList))
                .toolSpecifications(ToolSpecifications.toolSpecificationsFrom(tool))
                .build();
        return Mono.fromCallable(() -> model.chat(request).aiMessage())
                .subscribeOn(Schedulers.boundedElastic())
                .map(answer -> answer.hasToolExecutionRequests()
                        ? call(tool, answer.toolExecutionRequests().getFirst())
                        : answer.text());
    }

    private static String call(Object tool, ToolExecutionRequest request) {
        return new DefaultToolExecutor(tool, request).execute(request, null);
    }
    // end::formatBook[]

    // tag::catalog[]
    /** One tool call as the tool saw it: the argument, when it started and ended, and on which kind of thread. */
    public record ToolRun(String title, long startNanos, long endNanos, boolean virtualThread) {
    }

    /** A library catalogue behind a slow service: every lookup blocks for {@code latency}, then answers or throws. */
    public static final class BookCatalog {
        private static final Map<String, String> BOOKS = Map.of("Dune", "Frank Herbert, 1965",
                "Emma", "Jane Austen, 1815", "Ulysses", "James Joyce, 1922");
        private final Duration latency;
        private final List<ToolRun> runs = new CopyOnWriteArrayList<>();

        public BookCatalog(Duration latency) {
            this.latency = latency;
        }

        @Tool("Looks a book up in the library catalogue: its author and year")
        public String lookupBook(@P("the book's title") String title) throws InterruptedException {
            long start = System.nanoTime();
            try {
                Thread.sleep(latency);   // blocking I/O: on a virtual thread this parks, holding no platform thread
                String entry = BOOKS.get(title);
                if (entry == null) {
                    throw new NoSuchElementException("no book titled '" + title + "' in the catalogue");
                }
                return title + ": " + entry;
            } finally {
                runs.add(new ToolRun(title, start, System.nanoTime(), Thread.currentThread().isVirtual()));
            }
        }

        public List<ToolRun> runs() {
            return List.copyOf(runs);
        }
    }
    // end::catalog[]

    // tag::librarian[]
    public interface Librarian {
        @SystemMessage("You are a librarian. Look books up in the catalogue before you answer.")
        Result<String> answer(String question);
    }

    /** Without executeToolsConcurrently, the calls of one turn run one after another on the caller's thread. */
    static Librarian librarian(ChatModel model, BookCatalog catalog, boolean concurrentTools) {
        AiServices<Librarian> builder = AiServices.builder(Librarian.class)
                .chatModel(model)
                .tools(catalog)
                // What the model sees when a tool throws (the default sends the message too, and logs a WARN).
                .toolExecutionErrorHandler((error, context) -> ToolErrorHandlerResult.text(
                        "lookupBook failed: " + error.getMessage()))
                .maxToolCallingRoundTrips(3);   // a model that keeps calling tools fails after 3 round trips
        if (concurrentTools) {
            builder.executeToolsConcurrently();   // a turn's 2+ calls each on a virtual thread (JDK 21+)
        }
        return builder.build();
    }

    /** Async: the whole turn (model, tools, model again) runs on boundedElastic; the caller gets a Mono. */
    static Mono<Result<String>> ask(Librarian librarian, String question) {
        return Mono.fromCallable(() -> librarian.answer(question)).subscribeOn(Schedulers.boundedElastic());
    }
    // end::librarian[]

    /** No two runs overlap: each starts after the one before it ended. */
    static boolean oneAfterAnother(List<ToolRun> runs) {
        List<ToolRun> byStart = runs.stream().sorted(Comparator.comparingLong(ToolRun::startNanos)).toList();
        for (int i = 1; i < byStart.size(); i++) {
            if (byStart.get(i).startNanos() < byStart.get(i - 1).endNanos()) {
                return false;
            }
        }
        return true;
    }

    /** Every run overlaps every other: the last one started before the first one ended. */
    static boolean allAtOnce(List<ToolRun> runs) {
        long lastStart = runs.stream().mapToLong(ToolRun::startNanos).max().orElse(0);
        long firstEnd = runs.stream().mapToLong(ToolRun::endNanos).min().orElse(0);
        return runs.size() > 1 && lastStart < firstEnd;
    }

    /** The simulated answers go on with filler paragraphs after the tool findings: the first line is enough here. */
    static String firstLine(String text) {
        return text.lines().findFirst().orElse("");
    }

    @Mixin
    ExampleOptions options;

    @Option(names = "--lookup-ms", paramLabel = "MS", defaultValue = "1000",
            description = "How long each tool call's simulated I/O takes, 1 to 10000 ms (default: ${DEFAULT-VALUE}).")
    long lookupMillis = DEFAULT_LOOKUP.toMillis();

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        ChapterCli.exit(new _03_AsyncTools(), args);
    }

    @Override
    public Integer call() {
        Bounds.require(spec, "--lookup-ms", lookupMillis, 1, 10_000);
        Duration lookup = Duration.ofMillis(lookupMillis);
        for (Provider provider : options.providers()) {
            formatBook(provider, lookup);
            timingTable(provider, lookup);
            failingTool(provider, lookup);
            loopGuard(provider, lookup);
        }
        return 0;
    }

    static void formatBook(Provider provider, Duration lookup) {
        ExampleOptions.heading(provider, "3.1", "the model calls FormatBook, we run it");
        System.out.println(recommendBook(provider.chatModel(), new FormatBook(lookup), "fantasy", WISH_LIST).block());
    }

    static void failingTool(Provider provider, Duration lookup) {
        ExampleOptions.heading(provider, "3.3", "a tool that throws");
        Result<String> result = ask(librarian(provider.chatModel(), new BookCatalog(lookup), true), UNKNOWN_BOOK)
                .block();
        for (ToolExecution execution : result.toolExecutions()) {
            System.out.printf("tool:   %s(%s) failed=%s%n        the model got: %s%n", execution.request().name(),
                    execution.request().arguments(), execution.hasFailed(), execution.result());
        }
        System.out.println("answer: " + firstLine(result.content()));
    }

    static void loopGuard(Provider provider, Duration lookup) {
        ExampleOptions.heading(provider, "3.4", "maxToolCallingRoundTrips stops a model that keeps calling");
        var catalog = new BookCatalog(lookup);
        String runaway = SimulatorHints.toolLoop(provider, "Find the author of Dune.");
        try {
            ask(librarian(provider.chatModel(), catalog, true), runaway).block();
            System.out.printf("the model stopped by itself after %d tool calls%n", catalog.runs().size());
        } catch (RuntimeException e) {
            System.out.printf("stopped: %s%n(the tool ran %d times)%n", e.getMessage(), catalog.runs().size());
        }
    }

    /** The same three-book turn with and without executeToolsConcurrently, timed by the tools themselves. */
    static void timingTable(Provider provider, Duration lookup) {
        ExampleOptions.heading(provider, "3.2", "three lookups in one turn, sequential vs concurrent tools");
        System.out.printf("%-11s %-22s %8s %8s  %s%n", "tools", "call", "start ms", "end ms", "thread");
        timedTurn(provider, lookup, false);
        timedTurn(provider, lookup, true);
    }

    private static void timedTurn(Provider provider, Duration lookup, boolean concurrent) {
        var catalog = new BookCatalog(lookup);
        long turnStart = System.nanoTime();
        Result<String> result = ask(librarian(provider.chatModel(), catalog, concurrent), THREE_BOOKS).block();
        long turnMillis = (System.nanoTime() - turnStart) / 1_000_000;
        List<ToolRun> runs = catalog.runs().stream().sorted(Comparator.comparingLong(ToolRun::startNanos)).toList();
        String mode = concurrent ? "concurrent" : "sequential";
        for (ToolRun run : runs) {
            System.out.printf("%-11s %-22s %,8d %,8d  %s%n", mode, "lookupBook(" + run.title() + ")",
                    (run.startNanos() - turnStart) / 1_000_000, (run.endNanos() - turnStart) / 1_000_000,
                    run.virtualThread() ? "virtual" : "platform");
            mode = "";
        }
        long busy = runs.isEmpty() ? 0
                : (runs.stream().mapToLong(ToolRun::endNanos).max().getAsLong() - runs.getFirst().startNanos())
                / 1_000_000;
        String shape = allAtOnce(runs) ? "all " + runs.size() + " at once"
                : oneAfterAnother(runs) ? "one after another" : "partly overlapping";
        System.out.printf("%-11s tools busy %,d ms (%s), whole turn %,d ms%n", "", busy, shape, turnMillis);
        System.out.println("            answer: " + firstLine(result.content()));
    }
}
