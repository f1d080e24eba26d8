package io.github.asynccookbook.recipes;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.output.TokenUsage;
import dev.langchain4j.service.TokenStream;
import dev.langchain4j.service.tool.BeforeToolExecution;
import dev.langchain4j.service.tool.ToolExecution;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * LangChain's {@code astream_events(..., version="v2")} for LangChain4j: every step of a run as one typed
 * {@code Flux<StreamEvent>}, for a {@code prompt | model | parser} {@link Chain} and for an AI service's
 * {@link TokenStream} (model calls, tool calls, the rounds between them).
 *
 * <pre>{@code
 * # Python (LangChain)
 * async for event in chain.astream_events({"topic": "RAG"}, version="v2", include_types=["chat_model"]): ...
 *
 * // Java
 * chain.streamEvents(Map.of("topic", "RAG")).filter(Filter.everything().includeTypes("chat_model")).subscribe(...);
 * }</pre>
 *
 * The Flux is cold (nothing is sent before subscribe; each subscription is a new run), ordered, and cancelling it
 * closes the HTTP stream, so the provider stops generating. A failure is an event too: the run ends with one
 * {@link StreamEvent.Error} and the Flux completes (Python raises out of the {@code async for} instead).
 * One file, LangChain4j and Reactor only.
 */
public final class StreamEvents {

    private StreamEvents() {
    }

    /**
     * One thing that happened in a run, named as in LangChain's v2 event table. {@link #run()} says which step it
     * belongs to; the record's own fields are LangChain's {@code data}: {@code input}, {@code chunk}, {@code output}.
     */
    public sealed interface StreamEvent {

        /** LangChain's name for the event, e.g. {@code on_chat_model_stream}. */
        String event();

        /** The step (the chain, its prompt, a model call, the parser, a tool call) the event belongs to. */
        Run run();

        Instant timestamp();

        default String name() {
            return run().name();
        }

        /** LangChain's run type: {@code chain}, {@code prompt}, {@code chat_model}, {@code parser} or {@code tool}. */
        default String type() {
            return run().type();
        }

        default UUID runId() {
            return run().id();
        }

        /** The ids of the enclosing runs, outermost first: empty for the root. */
        default List<UUID> parentIds() {
            return run().parentIds();
        }

        default List<String> tags() {
            return run().tags();
        }

        default Map<String, Object> metadata() {
            return run().metadata();
        }

        record ChainStart(Run run, Instant timestamp, Map<String, Object> input) implements StreamEvent {
            public String event() { return "on_chain_start"; }
        }

        /** A piece of the chain's output: the parser's reading of one model chunk. */
        record ChainStream(Run run, Instant timestamp, String chunk) implements StreamEvent {
            public String event() { return "on_chain_stream"; }
        }

        record ChainEnd(Run run, Instant timestamp, Map<String, Object> input, String output) implements StreamEvent {
            public String event() { return "on_chain_end"; }
        }

        record PromptStart(Run run, Instant timestamp, Map<String, Object> input) implements StreamEvent {
            public String event() { return "on_prompt_start"; }
        }

        record PromptEnd(Run run, Instant timestamp, Map<String, Object> input, List<ChatMessage> output)
                implements StreamEvent {
            public String event() { return "on_prompt_end"; }
        }

        /** A model call begins; {@code input} is what it sends (for an AI service: what this call adds). */
        record ChatModelStart(Run run, Instant timestamp, List<ChatMessage> input) implements StreamEvent {
            public String event() { return "on_chat_model_start"; }
        }

        record ChatModelStream(Run run, Instant timestamp, String chunk) implements StreamEvent {
            public String event() { return "on_chat_model_stream"; }
        }

        /** {@code output} holds the whole message, this call's token usage and its finish reason. */
        record ChatModelEnd(Run run, Instant timestamp, List<ChatMessage> input, ChatResponse output)
                implements StreamEvent {
            public String event() { return "on_chat_model_end"; }
        }

        /** Starts with the first chunk: a string parser reads the answer as it streams. */
        record ParserStart(Run run, Instant timestamp) implements StreamEvent {
            public String event() { return "on_parser_start"; }
        }

        record ParserEnd(Run run, Instant timestamp, AiMessage input, String output) implements StreamEvent {
            public String event() { return "on_parser_end"; }
        }

        /** {@code input} carries the tool's name, its arguments (JSON) and the provider's call id (null for Gemini). */
        record ToolStart(Run run, Instant timestamp, ToolExecutionRequest input) implements StreamEvent {
            public String event() { return "on_tool_start"; }
        }

        record ToolEnd(Run run, Instant timestamp, ToolExecutionRequest input, String output) implements StreamEvent {
            public String event() { return "on_tool_end"; }
        }

        /** The run failed in {@link #run()}: always the last event. Not in LangChain's table, where Python raises. */
        record Error(Run run, Instant timestamp, Throwable error) implements StreamEvent {
            public String event() { return "on_error"; }
        }
    }

    /**
     * A step of a run: LangChain's {@code run_type}, {@code name}, {@code run_id}, {@code parent_ids}, {@code tags}
     * and {@code metadata}. Children inherit the root's tags and metadata and add their own.
     */
    public record Run(String type, String name, UUID id, List<UUID> parentIds, List<String> tags,
                      Map<String, Object> metadata) {

        public Run {
            parentIds = List.copyOf(parentIds);
            tags = List.copyOf(tags);
            metadata = Map.copyOf(metadata);
        }

        static Run root(String name, List<String> tags, Map<String, Object> metadata) {
            return new Run("chain", name, UUID.randomUUID(), List.of(), tags, metadata);
        }

        Run child(String type, String name, List<String> ownTags, Map<String, Object> ownMetadata) {
            var allMetadata = new LinkedHashMap<>(metadata);
            allMetadata.putAll(ownMetadata);
            return new Run(type, name, UUID.randomUUID(), Stream.concat(parentIds.stream(), Stream.of(id)).toList(),
                    Stream.concat(tags.stream(), ownTags.stream()).toList(), allMetadata);
        }
    }

    /**
     * LangChain's {@code include_names}, {@code include_types}, {@code include_tags} and their {@code exclude_}
     * forms, with its rules: without any include every event is in, else an event is in when one include matches;
     * then any exclude takes it out. An {@link StreamEvent.Error} always passes: a failure is never filtered away.
     */
    public static final class Filter implements Predicate<StreamEvent> {

        private enum By { NAME, TYPE, TAG }

        private static final Filter EVERYTHING = new Filter(Map.of(), Map.of());

        private final Map<By, Set<String>> include;
        private final Map<By, Set<String>> exclude;

        private Filter(Map<By, Set<String>> include, Map<By, Set<String>> exclude) {
            this.include = include;
            this.exclude = exclude;
        }

        public static Filter everything() {
            return EVERYTHING;
        }

        public Filter includeNames(String... names) { return new Filter(with(include, By.NAME, names), exclude); }

        public Filter includeTypes(String... types) { return new Filter(with(include, By.TYPE, types), exclude); }

        public Filter includeTags(String... tags) { return new Filter(with(include, By.TAG, tags), exclude); }

        public Filter excludeNames(String... names) { return new Filter(include, with(exclude, By.NAME, names)); }

        public Filter excludeTypes(String... types) { return new Filter(include, with(exclude, By.TYPE, types)); }

        public Filter excludeTags(String... tags) { return new Filter(include, with(exclude, By.TAG, tags)); }

        @Override
        public boolean test(StreamEvent event) {
            if (event instanceof StreamEvent.Error) {
                return true;
            }
            boolean in = include.isEmpty() || include.entrySet().stream().anyMatch(by -> matches(by, event));
            return in && exclude.entrySet().stream().noneMatch(by -> matches(by, event));
        }

        private static boolean matches(Map.Entry<By, Set<String>> by, StreamEvent event) {
            Set<String> values = by.getValue();
            return switch (by.getKey()) {
                case NAME -> values.contains(event.name());
                case TYPE -> values.contains(event.type());
                case TAG -> event.tags().stream().anyMatch(values::contains);
            };
        }

        private static Map<By, Set<String>> with(Map<By, Set<String>> sets, By by, String... values) {
            var copy = new EnumMap<By, Set<String>>(By.class);
            copy.putAll(sets);
            copy.put(by, Set.of(values));
            return copy;
        }
    }

    /** A named step of a chain: the name is what its events carry, as LangChain's runnables carry class names. */
    public record Step<I, O>(String name, Function<? super I, ? extends O> function) {
    }

    /**
     * LangChain's {@code prompt | model | parser}, with the four ways LangChain runs it, all on the one event stream.
     * The prompt turns the input variables into messages; the parser turns the model's message into the output
     * and reads each chunk as it streams (so a string parser such as {@code AiMessage::text} streams too).
     *
     * @param tags     given to every event of a run, as LangChain's {@code config={"tags": [...]}}
     * @param metadata given to every event of a run, as LangChain's {@code config={"metadata": {...}}}
     */
    public record Chain(String name, Step<Map<String, Object>, List<ChatMessage>> prompt, StreamingChatModel model,
                        Step<AiMessage, String> parser, List<String> tags, Map<String, Object> metadata) {

        /** Starts the runs of {@link #invokeAsync}: the caller's thread never waits, even for the prompt step. */
        private static final Scheduler VIRTUAL_THREADS =
                Schedulers.fromExecutorService(Executors.newVirtualThreadPerTaskExecutor(), "chain");

        public Chain {
            tags = List.copyOf(tags);
            metadata = Map.copyOf(metadata);
        }

        public static Chain of(String name, Step<Map<String, Object>, List<ChatMessage>> prompt,
                               StreamingChatModel model, Step<AiMessage, String> parser) {
            return new Chain(name, prompt, model, parser, List.of(), Map.of());
        }

        /** The same chain, its runs tagged and annotated: LangChain's {@code with_config(tags=..., metadata=...)}. */
        public Chain withConfig(List<String> tags, Map<String, Object> metadata) {
            return new Chain(name, prompt, model, parser, tags, metadata);
        }

        /** {@code chain.invoke(input)}: blocks, then returns the output or throws what failed. */
        public String invoke(Map<String, Object> input) {
            return output(streamEvents(input)).block();
        }

        /**
         * {@code await chain.ainvoke(input)}: returns at once. However the future ends before the answer (cancel,
         * {@code orTimeout}, {@code completeExceptionally}), the HTTP stream is closed.
         */
        public CompletableFuture<String> invokeAsync(Map<String, Object> input) {
            var future = new CompletableFuture<String>();
            Disposable run = output(streamEvents(input)).subscribeOn(VIRTUAL_THREADS)
                    .subscribe(future::complete, future::completeExceptionally, () -> future.complete(null));
            future.whenComplete((output, error) -> run.dispose());
            return future;
        }

        /** {@code async for chunk in chain.astream(input)}: the parsed chunks; a failure is an error signal. */
        public Flux<String> stream(Map<String, Object> input) {
            return values(streamEvents(input), event -> event instanceof StreamEvent.ChainStream chunk
                    && chunk.parentIds().isEmpty() ? chunk.chunk() : null);
        }

        /** {@code chain.astream_events(input, version="v2")}. */
        // tag::streamEvents[]
        public Flux<StreamEvent> streamEvents(Map<String, Object> input) {
            // BUFFER: LangChain4j pushes chunks as they are read and cannot pause the socket; an answer is bounded.
            return Flux.create(sink -> new ChainRun(this, Map.copyOf(input), sink).start(),
                    FluxSink.OverflowStrategy.BUFFER);
        }
        // end::streamEvents[]

        private static Mono<String> output(Flux<StreamEvent> events) {
            return values(events, event -> event instanceof StreamEvent.ChainEnd end
                    && end.parentIds().isEmpty() ? end.output() : null).singleOrEmpty();
        }

        /** The values {@code pick} finds in the events, and the run's failure as an error signal. */
        private static <T> Flux<T> values(Flux<StreamEvent> events, Function<StreamEvent, T> pick) {
            return events.handle((event, sink) -> {
                if (event instanceof StreamEvent.Error failed) {
                    sink.error(failed.error());
                } else {
                    T value = pick.apply(event);
                    if (value != null) {
                        sink.next(value);
                    }
                }
            });
        }
    }

    /**
     * The events of one AI-service call: its {@link TokenStream}'s callbacks as model calls (one per round),
     * tool calls between them, and the whole call as the root chain named {@code name}. {@code call} is invoked
     * once per subscription and must return a stream not started yet, e.g. {@code () -> assistant.chat(question)};
     * {@code model} is the service's streaming model, for the names and metadata of the model calls.
     */
    // tag::ofTokenStream[]
    public static Flux<StreamEvent> ofTokenStream(String name, StreamingChatModel model, Map<String, Object> input,
                                                  Supplier<TokenStream> call) {
        return Flux.create(sink -> new ServiceRun(name, model, Map.copyOf(input), sink).start(call),
                FluxSink.OverflowStrategy.BUFFER);
    }
    // end::ofTokenStream[]

    private static Run modelCall(Run root, StreamingChatModel model, List<String> tags) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("ls_provider", model.provider().name());
        String modelName = model.defaultRequestParameters().modelName();
        if (modelName != null) {
            metadata.put("ls_model_name", modelName);
        }
        return root.child("chat_model", model.getClass().getSimpleName(), tags, metadata);
    }

    /**
     * What both kinds of run share: the sink, the stream's handle to close when the subscriber leaves, and how a
     * run ends. The handle only comes with a chunk, so a subscriber gone before the first one is caught there.
     */
    // tag::emission[]
    private abstract static class Emission {

        final FluxSink<StreamEvent> sink;
        final Run root;
        private volatile boolean over;
        private volatile StreamingHandle handle;

        Emission(FluxSink<StreamEvent> sink, Run root) {
            this.sink = sink;
            this.root = root;
            sink.onCancel(this::close);
        }

        /** Keeps the chunk's handle; false, after closing the stream, when nobody wants more events. */
        boolean wanted(StreamingHandle current) {
            handle = current;
            if (over) {
                current.cancel();
                return false;
            }
            return true;
        }

        boolean over() {
            return over;
        }

        void emit(StreamEvent event) {
            if (!over) {
                sink.next(event);
            }
        }

        void complete() {
            over = true;
            sink.complete();
        }

        /** Ends the run with one Error event, unless it was over (after a cancel LangChain4j reports "closed"). */
        void fail(Run run, Throwable error) {
            if (!over) {
                sink.next(new StreamEvent.Error(run, Instant.now(), error));
                close();
                sink.complete();
            }
        }

        private void close() {
            over = true;
            StreamingHandle current = handle;
            if (current != null) {
                current.cancel();
            }
        }
    }
    // end::emission[]

    /** One run of a chain: prompt, model and parser events nested in the chain's, as LangChain orders them. */
    private static final class ChainRun extends Emission implements StreamingChatResponseHandler {

        private final Chain chain;
        private final Map<String, Object> input;
        private final Run prompt;
        private final Run model;
        private final Run parser;
        private List<ChatMessage> messages;
        private boolean parsing;

        ChainRun(Chain chain, Map<String, Object> input, FluxSink<StreamEvent> sink) {
            super(sink, Run.root(chain.name(), chain.tags(), chain.metadata()));
            this.chain = chain;
            this.input = input;
            this.prompt = root.child("prompt", chain.prompt().name(), List.of("seq:step:1"), Map.of());
            this.model = modelCall(root, chain.model(), List.of("seq:step:2"));
            this.parser = root.child("parser", chain.parser().name(), List.of("seq:step:3"), Map.of());
        }

        // tag::chainStart[]
        void start() {
            emit(new StreamEvent.ChainStart(root, Instant.now(), input));
            emit(new StreamEvent.PromptStart(prompt, Instant.now(), input));
            try {
                messages = List.copyOf(chain.prompt().function().apply(input));
            } catch (RuntimeException e) {  // e.g. a template variable missing from the input
                fail(prompt, e);
                return;
            }
            emit(new StreamEvent.PromptEnd(prompt, Instant.now(), input, messages));
            emit(new StreamEvent.ChatModelStart(model, Instant.now(), messages));
            try {
                chain.model().chat(ChatRequest.builder().messages(messages).build(), this);
            } catch (RuntimeException refusedBeforeSending) {
                fail(model, refusedBeforeSending);
            }
        }
        // end::chainStart[]

        @Override
        public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            if (!wanted(context.streamingHandle())) {
                return;
            }
            startParser();
            emit(new StreamEvent.ChatModelStream(model, Instant.now(), partial.text()));
            String parsed;
            try {
                parsed = chain.parser().function().apply(AiMessage.from(partial.text()));
            } catch (RuntimeException e) {
                fail(parser, e);
                return;
            }
            emit(new StreamEvent.ChainStream(root, Instant.now(), parsed));
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            if (over()) {
                return;
            }
            startParser();
            emit(new StreamEvent.ChatModelEnd(model, Instant.now(), messages, response));
            String output;
            try {
                output = chain.parser().function().apply(response.aiMessage());
            } catch (RuntimeException e) {
                fail(parser, e);
                return;
            }
            emit(new StreamEvent.ParserEnd(parser, Instant.now(), response.aiMessage(), output));
            emit(new StreamEvent.ChainEnd(root, Instant.now(), input, output));
            complete();
        }

        @Override
        public void onError(Throwable error) {
            fail(model, error);
        }

        private void startParser() {
            if (!parsing) {
                parsing = true;
                emit(new StreamEvent.ParserStart(parser, Instant.now()));
            }
        }
    }

    /**
     * One AI-service call. Its callbacks come from the stream's thread and, with concurrent tools, from the tools'
     * threads: each is synchronized, so state and event order agree. A model call opens at the start and, after
     * tools, with the first callback of the next call, stamped when the last tool ended (when it was sent).
     */
    private static final class ServiceRun extends Emission {

        private final StreamingChatModel model;
        private final Map<String, Object> input;
        private final Map<ToolExecutionRequest, Run> tools = new IdentityHashMap<>();
        private final List<ChatMessage> toolTurns = new ArrayList<>();
        private Run call;
        private List<ChatMessage> callInput = List.of();
        private Instant toolsEnded;
        private TokenUsage earlierCalls;

        ServiceRun(String name, StreamingChatModel model, Map<String, Object> input, FluxSink<StreamEvent> sink) {
            super(sink, Run.root(name, List.of(), Map.of()));
            this.model = model;
            this.input = input;
        }

        void start(Supplier<TokenStream> service) {
            synchronized (this) {
                emit(new StreamEvent.ChainStart(root, Instant.now(), input));
                openCall(Instant.now());
            }
            try {  // not under the lock: the stream may run right here, its tools on other threads
                service.get().onPartialResponseWithContext(this::onPartial)
                        .onIntermediateResponse(this::onIntermediate)
                        .beforeToolExecution(this::beforeTool)
                        .onToolExecuted(this::afterTool)
                        .onCompleteResponse(this::onComplete)
                        .onError(this::onError)
                        .start();
            } catch (RuntimeException refusedBeforeSending) {
                onError(refusedBeforeSending);
            }
        }

        private synchronized void onPartial(PartialResponse partial, PartialResponseContext context) {
            if (wanted(context.streamingHandle())) {
                emit(new StreamEvent.ChatModelStream(currentCall(), Instant.now(), partial.text()));
                emit(new StreamEvent.ChainStream(root, Instant.now(), partial.text()));
            }
        }

        // tag::toolRounds[]
        /** The model asked for tools: this call ends; the next one starts once they have run. */
        private synchronized void onIntermediate(ChatResponse response) {
            emit(new StreamEvent.ChatModelEnd(currentCall(), Instant.now(), callInput, response));
            earlierCalls = TokenUsage.sum(earlierCalls, response.tokenUsage());
            toolTurns.addFirst(response.aiMessage());
            call = null;
        }

        private synchronized void beforeTool(BeforeToolExecution before) {
            Run tool = root.child("tool", before.request().name(), List.of(), Map.of());
            tools.put(before.request(), tool);
            emit(new StreamEvent.ToolStart(tool, Instant.now(), before.request()));
        }

        private synchronized void afterTool(ToolExecution execution) {
            Run tool = tools.remove(execution.request());
            if (tool == null) {  // no beforeToolExecution for it: start it now, so that it still ends once
                beforeTool(BeforeToolExecution.builder().request(execution.request())
                        .invocationContext(execution.invocationContext()).build());
                tool = tools.remove(execution.request());
            }
            toolsEnded = Instant.now();
            emit(new StreamEvent.ToolEnd(tool, toolsEnded, execution.request(), execution.result()));
            toolTurns.add(ToolExecutionResultMessage.from(execution.request(), execution.result()));
        }
        // end::toolRounds[]

        private synchronized void onComplete(ChatResponse response) {
            if (over()) {
                return;
            }
            if (call != null || !response.aiMessage().hasToolExecutionRequests()) {  // else a tool returned at once
                emit(new StreamEvent.ChatModelEnd(currentCall(), Instant.now(), callInput, thisCallOnly(response)));
            }
            emit(new StreamEvent.ChainEnd(root, Instant.now(), input, response.aiMessage().text()));
            complete();
        }

        private synchronized void onError(Throwable error) {
            fail(call != null ? call : root, error);
        }

        private Run currentCall() {
            if (call == null) {
                openCall(toolsEnded);
            }
            return call;
        }

        private void openCall(Instant sent) {
            call = modelCall(root, model, List.of());
            callInput = List.copyOf(toolTurns);
            toolTurns.clear();
            emit(new StreamEvent.ChatModelStart(call, sent, callInput));
        }

        /** LangChain4j's final response counts the tokens of every call: keep the last call's own. */
        private ChatResponse thisCallOnly(ChatResponse response) {
            TokenUsage all = response.tokenUsage();
            if (earlierCalls == null || all == null) {
                return response;
            }
            var own = new TokenUsage(minus(all.inputTokenCount(), earlierCalls.inputTokenCount()),
                    minus(all.outputTokenCount(), earlierCalls.outputTokenCount()));
            return ChatResponse.builder().aiMessage(response.aiMessage())
                    .metadata(response.metadata().toBuilder().tokenUsage(own).build()).build();
        }

        private static Integer minus(Integer all, Integer earlier) {
            return all == null ? null : all - (earlier == null ? 0 : earlier);
        }
    }
}
