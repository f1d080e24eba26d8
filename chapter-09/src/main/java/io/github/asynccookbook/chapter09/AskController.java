package io.github.asynccookbook.chapter09;

import io.github.asynccookbook.recipes.AskServer;
import io.github.asynccookbook.recipes.AskServer.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The same routes as {@link AskServer}, the reactive way: handlers return at once with a {@code Mono} or a
 * {@code Flux} and never block (Reactor Netty runs them on its few event-loop threads). When a client goes away,
 * Reactor Netty sees the channel close at once and cancels the {@code Flux}, which closes the provider's stream.
 */
@RestController
public class AskController {

    private static final Logger LOG = LoggerFactory.getLogger(AskController.class);

    private final AskServer.Llm llm;

    public AskController(AskServer.Llm llm) {
        this.llm = llm;
    }

    // tag::ask[]
    @PostMapping("/ask")
    public Mono<ResponseEntity<Object>> ask(@RequestBody(required = false) byte[] body) {
        return Mono.fromCallable(() -> llm.parse(body == null ? new byte[0] : body)).flatMap(this::answer);
    }

    @GetMapping("/query")
    public Mono<ResponseEntity<Object>> query(@RequestParam(required = false) String q,
                                              @RequestParam(required = false) String provider) {
        return Mono.fromCallable(() -> llm.question(q, provider == null ? llm.providers().getFirst() : provider))
                .flatMap(this::answer);
    }

    private Mono<ResponseEntity<Object>> answer(AskServer.Question question) {
        return llm.answer(question)
                .map(answer -> ResponseEntity.ok().body((Object) answer))
                .onErrorResume(AskServer.UpstreamFailure.class, failed -> Mono.just(
                        ResponseEntity.status(failed.failure().status()).body(failed.failure())));
    }
    // end::ask[]

    // tag::stream[]
    @GetMapping("/stream")
    public ResponseEntity<Flux<ServerSentEvent<String>>> stream(@RequestParam(required = false) String question,
                                                                @RequestParam(required = false) String provider,
                                                                ServerHttpRequest request) {
        Flux<ServerSentEvent<String>> heartbeats = Flux.interval(llm.settings().heartbeat())
                .map(tick -> ServerSentEvent.<String>builder().comment("heartbeat").build());
        Flux<ServerSentEvent<String>> events = open(question, provider, request)
                .map(AskController::serverSentEvent)
                .mergeWith(heartbeats)
                .takeUntil(sse -> "done".equals(sse.event()) || "error".equals(sse.event()));
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-cache").header("X-Accel-Buffering", "no")
                .contentType(MediaType.TEXT_EVENT_STREAM).body(events);
    }

    @GetMapping(value = "/stream", produces = MediaType.TEXT_PLAIN_VALUE)
    public ResponseEntity<Flux<String>> streamText(@RequestParam(required = false) String question,
                                                   @RequestParam(required = false) String provider,
                                                   ServerHttpRequest request) {
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-cache").header("X-Accel-Buffering", "no")
                .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .body(open(question, provider, request).mapNotNull(AskController::plainText));
    }

    /** The question's events, holding one of the client's stream slots until they end or the client leaves. */
    private Flux<Event> open(String question, String provider, ServerHttpRequest request) {
        AskServer.Question asked = llm.question(question, provider);
        Runnable release = llm.openStream(clientOf(request)).orElseThrow(TooManyStreams::new);
        // doFinally runs on complete, error and cancel: a client that hangs up gives its slot back too.
        return llm.events(asked).doFinally(signal -> release.run());
    }
    // end::stream[]

    // tag::sse[]
    /**
     * Spring writes {@code data:} with no space after the colon, and a reader drops one leading space: a chunk
     * starting with a space (most do) would lose it. Prefixing every line with a space keeps the text exact.
     */
    static ServerSentEvent<String> serverSentEvent(Event event) {
        return switch (event) {
            case Event.Token token -> ServerSentEvent.builder(" " + token.text().replaceAll("\r\n|\r|\n", "\n "))
                    .event("token").build();
            case Event.Done done -> ServerSentEvent.builder(json(AskServer.doneJson(done))).event("done").build();
            case Event.Failed failed -> ServerSentEvent.builder(json(failed.failure())).event("error").build();
            case Event.Heartbeat heartbeat -> ServerSentEvent.<String>builder().comment("heartbeat").build();
        };
    }
    // end::sse[]

    private static String plainText(Event event) {
        return switch (event) {
            case Event.Token token -> token.text();
            case Event.Failed failed -> "\n[error] " + failed.failure().error() + "\n";
            default -> null;
        };
    }

    @GetMapping("/health")
    public Map<String, Object> health() {
        return Map.of("status", "ok", "providers", llm.providers());
    }

    @GetMapping("/")
    public ResponseEntity<byte[]> page() {
        return pageFile("index.html", "text/html;charset=UTF-8");
    }

    @GetMapping("/ask.js")
    public ResponseEntity<byte[]> script() {
        return pageFile("ask.js", "text/javascript;charset=UTF-8");
    }

    // tag::errors[]
    @ExceptionHandler(AskServer.BadRequest.class)
    public ResponseEntity<Map<String, String>> badRequest(AskServer.BadRequest e) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(TooManyStreams.class)
    public ResponseEntity<Map<String, String>> tooManyStreams() {
        return ResponseEntity.status(429).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(llm.settings().retryAfter().toSeconds()))
                .body(Map.of("error", "too many streams from this client at once: at most "
                        + llm.settings().streamsPerClient()));
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<Map<String, String>> failed(Exception e) {
        LOG.warn("request failed: {}", AskServer.scrub(String.valueOf(e)));
        return ResponseEntity.internalServerError().contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", "internal error"));
    }
    // end::errors[]

    /** The client holds as many streams as it may. */
    static final class TooManyStreams extends RuntimeException {
        TooManyStreams() {
            super("too many streams", null, false, false);
        }
    }

    private static String clientOf(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    private static ResponseEntity<byte[]> pageFile(String file, String contentType) {
        try (InputStream in = AskServer.class.getResourceAsStream(AskServer.PAGE_RESOURCES + file)) {
            if (in == null) {
                return ResponseEntity.notFound().build();
            }
            return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, contentType)
                    .header("Content-Security-Policy", AskServer.CONTENT_SECURITY_POLICY).body(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String json(Object value) {
        return AskServer.toJson(value);
    }
}
