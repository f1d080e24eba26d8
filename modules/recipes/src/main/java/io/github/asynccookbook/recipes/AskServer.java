package io.github.asynccookbook.recipes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import dev.langchain4j.model.mistralai.MistralAiStreamingChatModel;
import dev.langchain4j.model.output.TokenUsage;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.AbstractEndPoint;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * FastAPI's LLM routes on virtual threads with Javalin 7: {@code POST /ask} and {@code GET /query?q=} answer JSON,
 * {@code GET /stream} sends Server-Sent Events ({@code token}, {@code done}, {@code error}, heartbeats) or plain text,
 * {@code GET /} serves the page, {@code GET /health} says which providers answer. Each handler is plain blocking code:
 * a virtual thread per request makes waiting cheap, so there is no reactive type in the web layer.
 *
 * <p>A client that goes away stops the provider's stream at once ({@link HangUp} watches the connection, which
 * Jetty does not read while a handler runs); every answer has a deadline; bad input is a 400 with a JSON error, too many streams from one client a 429
 * with {@code Retry-After}, a provider failure a 502 / {@code error} event with the provider's reason, never a stack
 * trace; it binds 127.0.0.1 unless told otherwise, and no key is ever printed. {@link Llm} is the part that knows
 * nothing of HTTP servers (a WebFlux controller can use it too). One file: LangChain4j, Reactor and Javalin.
 */
public final class AskServer implements AutoCloseable {

    /** A longer question is refused: the limit keeps one request from costing a fortune. */
    public static final int MAX_QUESTION_BYTES = 8 * 1024;
    /** The page's files, read from the classpath: {@code /ask-page/index.html} and {@code /ask-page/ask.js}. */
    public static final String PAGE_RESOURCES = "/ask-page/";

    /** The page runs its own script only: no inline script, no handler attribute, whatever the model writes. */
    public static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'";

    private static final System.Logger LOG = System.getLogger(AskServer.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Javalin app;
    private final Llm llm;

    private AskServer(Javalin app, Llm llm) {
        this.app = app;
        this.llm = llm;
    }

    /**
     * How long an answer may take, how often an idle stream says it is alive, how many streams one client (by IP
     * address) may hold at once, and how long a refused client should wait.
     */
    public record Settings(Duration deadline, Duration heartbeat, int streamsPerClient, Duration retryAfter) {

        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(60), Duration.ofSeconds(15), 4, Duration.ofSeconds(2));
        }

        public Settings withDeadline(Duration deadline) {
            return new Settings(deadline, heartbeat, streamsPerClient, retryAfter);
        }

        public Settings withHeartbeat(Duration heartbeat) {
            return new Settings(deadline, heartbeat, streamsPerClient, retryAfter);
        }

        public Settings withStreamsPerClient(int streamsPerClient) {
            return new Settings(deadline, heartbeat, streamsPerClient, retryAfter);
        }
    }

    /** A question that passed the checks, for a provider that is configured. */
    public record Question(String text, String provider) {
    }

    public record Usage(Integer inputTokens, Integer outputTokens, Integer totalTokens) {

        static Usage of(TokenUsage usage) {
            return usage == null ? new Usage(null, null, null)
                    : new Usage(usage.inputTokenCount(), usage.outputTokenCount(), usage.totalTokenCount());
        }
    }

    /** The JSON of {@code POST /ask} and {@code GET /query}. */
    public record Answer(String answer, String provider, String model, long latencyMs, Usage usage) {
    }

    /**
     * What went wrong, as sent to the client: {@code status} is this server's HTTP status (400, 429, 502, 504),
     * {@code upstreamStatus} the provider's when it answered with an error.
     */
    public record Failure(int status, String error, String provider, Integer upstreamStatus) {
    }

    /** Bad input: the message is safe to show the client. */
    public static final class BadRequest extends RuntimeException {
        public BadRequest(String message) {
            super(message, null, false, false);
        }
    }

    /** The provider failed or the deadline passed, for a caller that wants one answer rather than events. */
    public static final class UpstreamFailure extends RuntimeException {
        private final transient Failure failure;

        public UpstreamFailure(Failure failure) {
            super(failure.error(), null, false, false);
            this.failure = failure;
        }

        public Failure failure() {
            return failure;
        }
    }

    /** What a stream carries: text chunks, then exactly one {@link Done} or {@link Failed}. */
    public sealed interface Event {

        /** Whether this event ends the stream. */
        default boolean last() {
            return this instanceof Done || this instanceof Failed;
        }

        record Token(String text) implements Event {
        }

        /** The end: the whole answer, usage, and the time to first token and to the end, from the request. */
        record Done(String provider, String model, String answer, Usage usage, long ttftMs, long latencyMs)
                implements Event {
        }

        record Failed(Failure failure) implements Event {
        }

        /** Sent by a server while nothing else is, so that proxies and the client know the stream is alive. */
        record Heartbeat() implements Event {
        }
    }

    // tag::start[]
    /** Starts the server on {@code bind:port} (port 0: any free one); {@link #close()} stops it. */
    public static AskServer start(Llm llm, String bind, int port) {
        Javalin app = Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;                  // a virtual thread per request
            config.http.compressionStrategy = CompressionStrategy.NONE;   // gzip would hold SSE chunks back
            config.startup.showJavalinBanner = false;
            // GET /stream carries the question in its URL: room for 8 KB of it, URL-encoded, so that our own check
            // answers a too long question (400 with a JSON error) rather than Jetty's 414 page.
            config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(4 * MAX_QUESTION_BYTES));
            config.routes.get("/", ctx -> page(ctx, "index.html", "text/html; charset=utf-8"));
            config.routes.get("/ask.js", ctx -> page(ctx, "ask.js", "text/javascript; charset=utf-8"));
            config.routes.get("/health", ctx -> json(ctx, 200, Map.of("status", "ok", "providers", llm.providers())));
            config.routes.post("/ask", ctx -> answer(ctx, llm, llm.parse(body(ctx))));
            config.routes.get("/query", ctx -> answer(ctx, llm, llm.question(ctx.queryParam("q"),
                    Optional.ofNullable(ctx.queryParam("provider")).orElse(llm.providers().getFirst()))));
            config.routes.get("/stream", ctx -> stream(ctx, llm));
            config.routes.exception(BadRequest.class, (e, ctx) -> json(ctx, 400, Map.of("error", e.getMessage())));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.log(System.Logger.Level.WARNING, "{0} {1} failed: {2}", ctx.method(), ctx.path(),
                        scrub(String.valueOf(e)));
                json(ctx, 500, Map.of("error", "internal error"));
            });
        });
        app.start(bind, port);
        return new AskServer(app, llm);
    }
    // end::start[]

    public int port() {
        return app.port();
    }

    public Llm llm() {
        return llm;
    }

    @Override
    public void close() {
        app.stop();
    }

    // tag::ask[]
    /** {@code POST /ask}, {@code GET /query}: wait for the whole answer (a virtual thread waits cheaply). */
    private static void answer(Context ctx, Llm llm, Question question) {
        try (HangUp hangUp = HangUp.watch(ctx)) {
            Answer answer = llm.answer(question).takeUntilOther(hangUp.signal()).block();
            if (answer != null) {  // null: the client hung up, the provider's stream is already closed
                json(ctx, 200, answer);
            }
        } catch (UpstreamFailure e) {
            json(ctx, e.failure().status(), e.failure());
        }
    }
    // end::ask[]

    // tag::stream[]
    /**
     * {@code GET /stream}: writes each event as it comes. When the client hangs up, {@link HangUp} ends the events
     * (cancelling the Flux and so the provider's HTTP stream) and the loop; a failed write would end it too.
     */
    private static void stream(Context ctx, Llm llm) throws IOException {
        Question question = llm.question(ctx.queryParam("question"), ctx.queryParam("provider"));
        Optional<Runnable> slot = llm.openStream(ctx.ip());
        if (slot.isEmpty()) {
            ctx.header("Retry-After", String.valueOf(llm.settings().retryAfter().toSeconds()));
            json(ctx, 429, Map.of("error", "too many streams from this client at once: at most "
                    + llm.settings().streamsPerClient()));
            return;
        }
        boolean plainText = wantsPlainText(ctx.header("Accept"));
        Flux<Event> events = plainText ? llm.events(question) : withHeartbeats(llm.events(question), llm.settings());
        try (HangUp hangUp = HangUp.watch(ctx);
             Stream<Event> stream = events.takeUntilOther(hangUp.signal()).toStream(1)) {  // sent by iterator()
            ctx.res().setStatus(200);
            ctx.res().setContentType(plainText ? "text/plain; charset=utf-8" : "text/event-stream; charset=utf-8");
            ctx.res().setHeader("Cache-Control", "no-cache");
            ctx.res().setHeader("X-Accel-Buffering", "no");                // nginx: do not buffer this response
            ctx.res().setHeader("Connection", "close");                   // a stream's connection is not reused
            OutputStream out = ctx.res().getOutputStream();
            Iterator<Event> it = stream.iterator();
            while (it.hasNext()) {
                out.write((plainText ? plainText(it.next()) : serverSentEvent(it.next()))
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException | UncheckedIOException clientLeft) {
            LOG.log(System.Logger.Level.DEBUG, "client left a {0} stream", question.provider());
        } finally {
            slot.get().run();
        }
    }
    // end::stream[]

    // tag::hangup[]
    /**
     * Jetty reads nothing from a connection while its handler runs, so a client that hangs up is noticed only when a
     * write fails: up to two heartbeats later. After a whole request the client sends nothing more, so asking Jetty's
     * selector to say when the socket turns readable catches the hang-up at once: the read returns -1.
     */
    static final class HangUp implements AutoCloseable {

        private static final Exception STOPPED = new java.util.concurrent.CancellationException("stopped watching");

        private final Sinks.Empty<Void> signal = Sinks.empty();
        private final Context ctx;
        private final EndPoint endPoint;
        private final Callback readable = Callback.from(this::onReadable, this::onFailed);
        private boolean watching = true;
        private boolean pipelined;

        private HangUp(Context ctx, EndPoint endPoint) {
            this.ctx = ctx;
            this.endPoint = endPoint;
        }

        /** Starts watching the request's connection; the request must have been read to its end. */
        static HangUp watch(Context ctx) {
            EndPoint endPoint = ServletContextRequest.getServletContextRequest(ctx.req())
                    .getConnectionMetaData().getConnection().getEndPoint();
            HangUp hangUp = new HangUp(ctx, endPoint);
            if (!endPoint.tryFillInterested(hangUp.readable)) {  // Jetty is reading (a body left): writes will tell
                hangUp.watching = false;
            }
            return hangUp;
        }

        /** Completes when the client hangs up. */
        Mono<Void> signal() {
            return signal.asMono();
        }

        private synchronized void onReadable() {
            try {
                int read = endPoint.fill(BufferUtil.allocate(256));
                if (read < 0) {
                    signal.tryEmitEmpty();
                } else if (read > 0) {  // a pipelined request: what was read is lost, so this connection must close
                    pipelined = true;
                } else if (watching) {
                    endPoint.tryFillInterested(readable);
                }
            } catch (IOException reset) {
                signal.tryEmitEmpty();
            }
        }

        private void onFailed(Throwable failure) {
            if (failure != STOPPED) {
                signal.tryEmitEmpty();
            }
        }

        /** Stops watching, so that Jetty can read the connection's next request. */
        @Override
        public synchronized void close() {
            watching = false;
            if (endPoint instanceof AbstractEndPoint jetty && jetty.isFillInterested()) {
                jetty.getFillInterest().onFail(STOPPED);
            }
            if (pipelined && !ctx.res().isCommitted()) {
                ctx.res().setHeader("Connection", "close");
            }
        }
    }
    // end::hangup[]

    /** Heartbeats while the stream is open, ending with it. */
    static Flux<Event> withHeartbeats(Flux<Event> events, Settings settings) {
        return Flux.merge(events, Flux.interval(settings.heartbeat()).map(tick -> new Event.Heartbeat()))
                .takeUntil(Event::last);
    }

    /** {@code event: token} with the text as data (one {@code data:} line per line), others as JSON. */
    public static String serverSentEvent(Event event) {
        return switch (event) {
            case Event.Token token -> "event: token\n" + dataLines(token.text()) + "\n";
            case Event.Done done -> "event: done\ndata: " + toJson(doneJson(done)) + "\n\n";
            case Event.Failed failed -> "event: error\ndata: " + toJson(failed.failure()) + "\n\n";
            case Event.Heartbeat heartbeat -> ": heartbeat\n\n";
        };
    }

    /** What {@code done} tells the client: not the answer again, just the figures. */
    public static Map<String, Object> doneJson(Event.Done done) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("provider", done.provider());
        json.put("model", done.model());
        json.put("usage", done.usage());
        json.put("ttftMs", done.ttftMs());
        json.put("latencyMs", done.latencyMs());
        return json;
    }

    private static String plainText(Event event) {
        return switch (event) {
            case Event.Token token -> token.text();
            case Event.Failed failed -> "\n[error] " + failed.failure().error() + "\n";
            case Event.Done done -> "";
            case Event.Heartbeat heartbeat -> "";
        };
    }

    private static String dataLines(String text) {
        StringBuilder lines = new StringBuilder();
        for (String line : text.split("\r\n|\r|\n", -1)) {
            lines.append("data: ").append(line).append('\n');
        }
        return lines.toString();
    }

    /** Plain text only when the client asks for it and not for SSE (a browser's EventSource asks for SSE). */
    public static boolean wantsPlainText(String accept) {
        return accept != null && accept.contains("text/plain") && !accept.contains("text/event-stream");
    }

    private static byte[] body(Context ctx) throws IOException {
        try (InputStream in = ctx.req().getInputStream()) {
            return in.readNBytes(2 * MAX_QUESTION_BYTES + 1);
        }
    }

    private static void page(Context ctx, String file, String contentType) throws IOException {
        try (InputStream in = AskServer.class.getResourceAsStream(PAGE_RESOURCES + file)) {
            if (in == null) {
                json(ctx, 404, Map.of("error", "the page is not on the classpath (" + PAGE_RESOURCES + file + ")"));
                return;
            }
            ctx.status(200).contentType(contentType).header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                    .result(in.readAllBytes());
        }
    }

    private static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(toJson(body).getBytes(StandardCharsets.UTF_8));
    }

    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key-shaped string or a {@code key=} parameter, as it could appear in an error message. */
    private static final Pattern SECRET = Pattern.compile(
            "AIza[0-9A-Za-z_\\-]{10,}|(?i)((?:api[_-]?key|key|token|bearer)(?:\\s*[=:]\\s*|\\s+))[^\\s&\",]{8,}");

    /** The message with anything that looks like a key masked: error texts reach clients and logs. */
    public static String scrub(String message) {
        return message == null ? "" : SECRET.matcher(message).replaceAll(match ->
                match.group(1) == null ? "***" : java.util.regex.Matcher.quoteReplacement(match.group(1) + "***"));
    }

    /**
     * The provider-neutral part: checks questions, turns a model's stream into {@link Event}s with a deadline,
     * cancels the provider's stream when the subscriber leaves, and counts each client's open streams.
     */
    public static final class Llm {

        /** The stream is parsed on a virtual thread: {@code chat()} may read it all on the calling thread. */
        private static final Scheduler VIRTUAL_THREADS =
                Schedulers.fromExecutorService(Executors.newVirtualThreadPerTaskExecutor(), "ask-llm");

        private final Map<String, StreamingChatModel> models;
        private final Settings settings;
        private final Map<String, Integer> openStreams = new ConcurrentHashMap<>();

        /** {@code models}: provider name (e.g. {@code gemini}, {@code mistral}) to its model, in display order. */
        public Llm(Map<String, StreamingChatModel> models, Settings settings) {
            if (models.isEmpty()) {
                throw new IllegalArgumentException("no provider configured");
            }
            this.models = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(models));
            this.settings = settings;
        }

        public Settings settings() {
            return settings;
        }

        public List<String> providers() {
            return List.copyOf(models.keySet());
        }

        // tag::question[]
        /** Checks a question and its provider; a {@link BadRequest} says what is wrong. */
        public Question question(String text, String provider) {
            if (text == null || text.isBlank()) {
                throw new BadRequest("the question is empty");
            }
            if (text.getBytes(StandardCharsets.UTF_8).length > MAX_QUESTION_BYTES) {
                throw new BadRequest("the question is longer than " + MAX_QUESTION_BYTES / 1024 + " KB");
            }
            String name = provider == null ? "" : provider.trim().toLowerCase(Locale.ROOT);
            if (!models.containsKey(name)) {
                throw new BadRequest("unknown provider '%s': use %s".formatted(
                        provider == null ? "" : provider.strip(), String.join(" or ", models.keySet())));
            }
            return new Question(text.strip(), name);
        }
        // end::question[]

        /** {@code {"question": "...", "provider": "..."}}; the provider defaults to the first one. */
        public Question parse(byte[] body) {
            if (body.length > 2 * MAX_QUESTION_BYTES) {
                throw new BadRequest("the body is larger than " + 2 * MAX_QUESTION_BYTES / 1024 + " KB");
            }
            JsonNode json;
            try {
                json = JSON.readTree(body);
            } catch (IOException e) {
                throw new BadRequest("the body is not JSON: send {\"question\": \"...\", \"provider\": \"gemini\"}");
            }
            if (json == null || !json.isObject()) {
                throw new BadRequest("the body is not a JSON object: send {\"question\": \"...\"}");
            }
            JsonNode question = json.get("question");
            JsonNode provider = json.get("provider");
            if (question != null && !question.isTextual() || provider != null && !provider.isTextual()) {
                throw new BadRequest("question and provider must be strings");
            }
            return question(question == null ? null : question.asText(),
                    provider == null ? providers().getFirst() : provider.asText());
        }

        /** The whole answer; a provider failure or the deadline is an {@link UpstreamFailure}. */
        public Mono<Answer> answer(Question question) {
            return events(question).last().flatMap(event -> switch (event) {
                case Event.Done done -> Mono.just(new Answer(done.answer(), done.provider(), done.model(),
                        done.latencyMs(), done.usage()));
                case Event.Failed failed -> Mono.error(new UpstreamFailure(failed.failure()));
                default -> Mono.error(new IllegalStateException("a stream ended without done or error"));
            });
        }

        // tag::events[]
        /**
         * The answer's chunks, then {@code Done} or {@code Failed} (never an error signal). Lazy: each subscription
         * sends one request; cancelling it closes the provider's stream. After the deadline: {@code Failed} (504).
         */
        public Flux<Event> events(Question question) {
            StreamingChatModel model = models.get(question.provider());
            ChatRequest request = ChatRequest.builder()
                    .messages(dev.langchain4j.data.message.UserMessage.from(question.text())).build();
            Flux<Event> answer = Flux.<Event>create(sink -> {
                var handler = new SinkHandler(sink, question.provider(), modelName(model));
                sink.onCancel(handler::cancel);
                try {
                    model.chat(request, handler);
                } catch (RuntimeException refusedBeforeSending) {
                    handler.onError(refusedBeforeSending);
                }
            }, FluxSink.OverflowStrategy.BUFFER).subscribeOn(VIRTUAL_THREADS);
            Mono<Event> deadline = Mono.delay(settings.deadline()).map(tick -> new Event.Failed(new Failure(504,
                    "no complete answer from %s within %d s".formatted(question.provider(),
                            settings.deadline().toSeconds()), question.provider(), null)));
            return Flux.merge(answer, deadline).takeUntil(Event::last);
        }
        // end::events[]

        /** A slot for one more stream of {@code client}, to run when the stream ends; empty when it has too many. */
        public Optional<Runnable> openStream(String client) {
            boolean[] granted = {false};
            openStreams.compute(client, (key, open) -> {
                int current = open == null ? 0 : open;
                granted[0] = current < settings.streamsPerClient();
                return granted[0] ? current + 1 : current;
            });
            if (!granted[0]) {
                return Optional.empty();
            }
            var once = new java.util.concurrent.atomic.AtomicBoolean();
            return Optional.of(() -> {
                if (once.compareAndSet(false, true)) {
                    openStreams.computeIfPresent(client, (key, open) -> open <= 1 ? null : open - 1);
                }
            });
        }

        private static String modelName(StreamingChatModel model) {
            String name = model.defaultRequestParameters() == null ? null
                    : model.defaultRequestParameters().modelName();
            return name == null ? model.provider().name().toLowerCase(Locale.ROOT) : name;
        }
    }

    // tag::handler[]
    /** LangChain4j's callbacks as events; cancels the HTTP stream once the subscriber has gone. */
    private static final class SinkHandler implements StreamingChatResponseHandler {

        private final FluxSink<Event> sink;
        private final String provider;
        private final String model;
        private final long start = System.nanoTime();
        private volatile long firstToken;
        private volatile boolean cancelled;
        private volatile StreamingHandle handle;

        SinkHandler(FluxSink<Event> sink, String provider, String model) {
            this.sink = sink;
            this.provider = provider;
            this.model = model;
        }

        @Override
        public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            handle = context.streamingHandle();
            if (cancelled) {  // gone before this chunk, maybe before the first, when there was no handle yet
                handle.cancel();
                return;
            }
            if (firstToken == 0) {
                firstToken = System.nanoTime();
            }
            sink.next(new Event.Token(partial.text()));
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            long end = System.nanoTime();
            String answered = response.modelName() != null ? response.modelName() : model;
            sink.next(new Event.Done(provider, answered, response.aiMessage().text(), Usage.of(response.tokenUsage()),
                    millis((firstToken == 0 ? end : firstToken) - start), millis(end - start)));
            sink.complete();
        }

        @Override
        public void onError(Throwable error) {
            if (!cancelled) {  // after a cancel LangChain4j reports "closed": nobody is listening
                sink.next(new Event.Failed(failure(provider, error)));
                sink.complete();
            }
        }

        void cancel() {
            cancelled = true;
            StreamingHandle current = handle;
            if (current != null) {
                current.cancel();
            }
        }

        private static long millis(long nanos) {
            return Duration.ofNanos(nanos).toMillis();
        }
    }
    // end::handler[]

    // tag::failure[]
    /** A provider's failure as the client sees it: the provider's own reason, no stack trace, no key. */
    public static Failure failure(String provider, Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof HttpException http) {
                return new Failure(502, "%s answered %d: %s".formatted(provider, http.statusCode(),
                        reason(http.getMessage())), provider, http.statusCode());
            }
            if (t instanceof TimeoutException || t instanceof dev.langchain4j.exception.TimeoutException
                    || t instanceof java.net.http.HttpTimeoutException) {
                return new Failure(504, provider + " did not answer in time", provider, null);
            }
            if (t instanceof ConnectException) {
                return new Failure(502, "cannot connect to " + provider, provider, null);
            }
        }
        return new Failure(502, "%s failed: %s".formatted(provider, scrub(error.getClass().getSimpleName()
                + (error.getMessage() == null ? "" : ": " + cut(error.getMessage())))), provider, null);
    }

    /** Gemini's {@code {"error": {"message": ...}}} or Mistral's {@code {"message": ...}}; else the body, cut. */
    static String reason(String body) {
        try {
            JsonNode json = JSON.readTree(body == null ? "" : body);
            JsonNode message = json == null ? null : json.path("error").isObject()
                    ? json.path("error").path("message") : json.path("message");
            if (message != null && message.isTextual() && !message.asText().isBlank()) {
                return scrub(cut(message.asText()));
            }
        } catch (IOException notJson) {
            // the body as it is, below
        }
        return scrub(cut(body == null ? "no reason given" : body.strip()));
    }

    private static String cut(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() <= 300 ? line : line.substring(0, 300) + "…";
    }
    // end::failure[]

    // tag::main[]
    /**
     * Runs the server from the environment: {@code GOOGLE_API_KEY} / {@code MISTRAL_API_KEY} (a provider with a
     * {@code GEMINI_BASE_URL} / {@code MISTRAL_BASE_URL} and no key, such as the simulator, gets a placeholder),
     * {@code GEMINI_MODEL} / {@code MISTRAL_MODEL}, {@code PORT} (8080) and {@code BIND} (127.0.0.1).
     */
    public static void main(String[] args) throws InterruptedException {
        Map<String, String> env = System.getenv();
        Settings settings = Settings.defaults();
        Map<String, StreamingChatModel> models = new LinkedHashMap<>();
        String geminiKey = env.get("GOOGLE_API_KEY");
        String geminiUrl = env.get("GEMINI_BASE_URL");
        if (!blank(geminiKey) || !blank(geminiUrl)) {
            models.put("gemini", GoogleAiGeminiStreamingChatModel.builder()
                    .baseUrl(blank(geminiUrl) ? null : geminiUrl)
                    .apiKey(blank(geminiKey) ? "no-key" : geminiKey)
                    .modelName(env.getOrDefault("GEMINI_MODEL", "gemini-2.5-flash"))
                    .timeout(settings.deadline()).build());
        }
        String mistralKey = env.get("MISTRAL_API_KEY");
        String mistralUrl = env.get("MISTRAL_BASE_URL");
        if (!blank(mistralKey) || !blank(mistralUrl)) {
            models.put("mistral", MistralAiStreamingChatModel.builder()
                    .baseUrl(blank(mistralUrl) ? null : mistralUrl)
                    .apiKey(blank(mistralKey) ? "no-key" : mistralKey)
                    .modelName(env.getOrDefault("MISTRAL_MODEL", "mistral-small-latest"))
                    .timeout(settings.deadline()).build());
        }
        if (models.isEmpty()) {
            System.err.println("no provider: set GOOGLE_API_KEY or MISTRAL_API_KEY (or GEMINI_BASE_URL /"
                    + " MISTRAL_BASE_URL for a simulator)");
            System.exit(2);
        }
        String bind = env.getOrDefault("BIND", "127.0.0.1");
        int port;
        try {
            port = Integer.parseInt(env.getOrDefault("PORT", "8080").trim());
        } catch (NumberFormatException e) {
            System.err.println("PORT must be a number, got '" + env.get("PORT") + "'");
            System.exit(2);
            return;
        }
        AskServer server = start(new Llm(models, settings), bind, port);
        System.out.printf("Ask server on http://%s:%d/ (%s); Ctrl-C stops it%n", bind, server.port(),
                String.join(", ", models.keySet()));
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "ask-server-stop"));
        stopped.await();
    }
    // end::main[]

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
