package io.github.asynccookbook.simulator.engine;

import io.github.asynccookbook.simulator.ModelProfile;
import io.github.asynccookbook.simulator.Protocol;
import io.github.asynccookbook.simulator.SimulatorConfig;
import io.github.asynccookbook.simulator.protocol.ApiError;
import io.github.asynccookbook.simulator.protocol.ChatProtocol;
import io.github.asynccookbook.simulator.protocol.HttpReply;
import io.github.asynccookbook.simulator.protocol.InboundRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends each request to Gemini, Mistral or the admin API. Gemini is recognised under any path prefix
 * ({@code …/v1beta/models/…} or {@code …/v1/models/…}); Mistral only at the root, as {@code api.mistral.ai} serves it:
 * its SDKs append {@code /v1/…} to the base URL they are given.
 * {@code GET /v1/models} belongs to both: a Gemini key ({@code x-goog-api-key} or {@code ?key=}) picks Gemini.
 *
 * <p>A request that cannot be read (an undecodable query, a body over the size limit) gets the error of the API its
 * path names; one whose connection closed before its body was in (a client gone, a request too slow) gets nothing. A body over {@link #OFF_LOOP_BYTES} is parsed on the parsing scheduler, so that one large prompt never
 * holds up the other connections of its event loop.
 */
final class Router {

    /** Bodies up to this size parse in microseconds and stay on the event loop. */
    static final int OFF_LOOP_BYTES = 256 * 1024;

    private static final Pattern GEMINI = Pattern.compile("^(?:.*?)/(v1beta|v1)/models(?:/([^/]+))?/?$");
    private static final String MALFORMED_QUERY = "Invalid query string: malformed percent-encoding.";

    private final SimulatorConfig config;
    private final SimulatorClock clock;
    private final StatsRecorder stats;
    private final ChatProtocol gemini;
    private final ChatProtocol mistral;
    private final ChatExchange chat;
    private final AdminApi admin;
    private final BatchApi batches;
    private final ApiKeyCheck keys;
    private final Scheduler parsing;

    Router(SimulatorConfig config, SimulatorClock clock, StatsRecorder stats, ChatProtocol gemini,
           ChatProtocol mistral, ChatExchange chat, AdminApi admin, BatchApi batches, Scheduler parsing) {
        this.config = config;
        this.clock = clock;
        this.stats = stats;
        this.gemini = gemini;
        this.mistral = mistral;
        this.chat = chat;
        this.admin = admin;
        this.batches = batches;
        this.keys = new ApiKeyCheck(config);
        this.parsing = parsing;
    }

    Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        long arrival = clock.nanos();
        Map<String, String> headers = headers(request);
        var decoder = new QueryStringDecoder(request.uri());
        String path;
        Map<String, String> query;
        try {
            path = decoder.path();
            query = firstValues(decoder.parameters());
        } catch (IllegalArgumentException malformed) {
            var unreadable = InboundRequest.head(request.method().name(), rawPath(request.uri()), Map.of(), headers);
            return refuse(unreadable, ApiError.of(ApiError.Kind.INVALID_REQUEST, MALFORMED_QUERY), response);
        }
        var head = InboundRequest.head(request.method().name(), path, query, headers);
        long declared = contentLength(headers);
        if (declared > config.maxRequestBytes()) {
            return refuse(head, ApiError.requestTooLarge(config.maxRequestBytes()), response);
        }
        return RequestBody.read(request.receive(), declared, config.maxRequestBytes())
                .onErrorResume(unread -> unread instanceof RequestBody.TooLarge ? Mono.error(unread) : Mono.empty())
                .flatMap(body -> dispatch(head.withBody(body), response, arrival))
                .onErrorResume(RequestBody.TooLarge.class,
                        tooLarge -> refuse(head, ApiError.requestTooLarge(config.maxRequestBytes()), response));
    }

    private Mono<Void> dispatch(InboundRequest request, HttpServerResponse response, long arrival) {
        Mono<Void> routed = Mono.defer(() -> route(request, response, arrival));
        if (request.body().length <= OFF_LOOP_BYTES) {
            return routed;
        }
        return routed.subscribeOn(parsing)
                .onErrorResume(RejectedExecutionException.class,
                        busy -> refuse(request, ApiError.of(ApiError.Kind.OVERLOADED, null), response));
    }

    private Mono<Void> route(InboundRequest request, HttpServerResponse response, long arrival) {
        String path = request.path();
        if (path.startsWith("/_sim/")) {
            return admin.handle(request, response);
        }
        if (BatchApi.owns(path)) {
            return batches.handle(request, response);
        }
        boolean post = request.method().equals("POST");
        if (path.equals("/v1/chat/completions") && post) {
            return chat.answer(mistral, request, null, false, response, stats.arrived(Protocol.MISTRAL, arrival));
        }
        Matcher matcher = GEMINI.matcher(path);
        if (!matcher.matches()) {
            return notFound(protocolOf(request), request, response);
        }
        String version = matcher.group(1);
        String resource = matcher.group(2);
        ChatProtocol protocol = protocolOf(request);
        if (resource != null && resource.contains(":")) {
            String model = resource.substring(0, resource.lastIndexOf(':'));
            String method = resource.substring(resource.lastIndexOf(':') + 1);
            if (!post) {
                return notFound(gemini, request, response);
            }
            return switch (method) {
                case "generateContent" ->
                        chat.answer(gemini, request, model, false, response, stats.arrived(Protocol.GEMINI, arrival));
                case "streamGenerateContent" ->
                        chat.answer(gemini, request, model, true, response, stats.arrived(Protocol.GEMINI, arrival));
                case "countTokens" -> Replies.send(response, guarded(gemini, request, version,
                        () -> gemini.countTokens(request, model(gemini, model))));
                default -> notFound(gemini, request, response);
            };
        }
        if (post) {
            return notFound(protocol, request, response);
        }
        return Replies.send(response, guarded(protocol, request, version, () -> resource == null
                ? protocol.listModels(models(protocol.protocol()), request)
                : protocol.getModel(model(protocol, resource), models(protocol.protocol()))));
    }

    /** Which API a path belongs to: Gemini for its model paths or a Gemini key, Mistral otherwise. */
    private ChatProtocol protocolOf(InboundRequest request) {
        Matcher matcher = GEMINI.matcher(request.path());
        if (!matcher.matches()) {
            return request.path().contains("/v1beta") ? gemini : mistral;
        }
        String resource = matcher.group(2);
        boolean isGemini = matcher.group(1).equals("v1beta") || gemini.apiKey(request) != null
                || (resource != null && resource.contains(":"));
        return isGemini ? gemini : mistral;
    }

    /** Non-chat endpoints: the same auth rules, answered at once. */
    private HttpReply guarded(ChatProtocol protocol, InboundRequest request, String version,
                              java.util.function.Supplier<HttpReply> answer) {
        try {
            keys.verify(protocol, request);
            return answer.get();
        } catch (ApiError error) {
            return protocol.error(error, version);
        }
    }

    private ModelProfile model(ChatProtocol protocol, String id) {
        ModelProfile profile = config.models().get(id);
        if (profile == null || profile.protocol() != protocol.protocol()) {
            throw ApiError.of(ApiError.Kind.MODEL_NOT_FOUND, id);
        }
        return profile;
    }

    private List<ModelProfile> models(Protocol protocol) {
        return config.models().values().stream()
                .filter(m -> m.protocol() == protocol)
                .sorted(java.util.Comparator.comparing(ModelProfile::id))
                .toList();
    }

    /** A request refused before it was routed, in the words of the API its path names. */
    private Mono<Void> refuse(InboundRequest request, ApiError error, HttpServerResponse response) {
        if (request.path().startsWith("/_sim/")) {
            return Replies.send(response, AdminApi.refusal(error));
        }
        ChatProtocol protocol = protocolOf(request);
        String version = apiVersion(request.path());
        boolean stream = protocol == gemini && request.path().endsWith(":streamGenerateContent");
        return Replies.send(response, stream ? protocol.streamError(error, request, version) : protocol.error(error, version));
    }

    private static Mono<Void> notFound(ChatProtocol protocol, InboundRequest request, HttpServerResponse response) {
        return Replies.send(response, protocol.error(ApiError.of(ApiError.Kind.NOT_FOUND, request.path()),
                apiVersion(request.path())));
    }

    private static String apiVersion(String path) {
        return path.contains("/v1beta") ? "v1beta" : "v1";
    }

    private static Map<String, String> headers(HttpServerRequest request) {
        Map<String, String> headers = new HashMap<>();
        request.requestHeaders().forEach(h -> headers.putIfAbsent(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
        return headers;
    }

    private static Map<String, String> firstValues(Map<String, List<String>> parameters) {
        var query = new HashMap<String, String>();
        parameters.forEach((name, values) -> query.put(name, values.getFirst()));
        return query;
    }

    /** The declared body size; -1 for a chunked body (Netty has already refused a malformed Content-Length). */
    private static long contentLength(Map<String, String> headers) {
        String value = headers.get(HttpHeaderNames.CONTENT_LENGTH.toString());
        try {
            return value == null ? -1 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String rawPath(String uri) {
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }
}
