package io.github.asynccookbook.simulator.engine;

import io.github.asynccookbook.simulator.ModelProfile;
import io.github.asynccookbook.simulator.Protocol;
import io.github.asynccookbook.simulator.SimulatorConfig;
import io.github.asynccookbook.simulator.protocol.ApiError;
import io.github.asynccookbook.simulator.protocol.ChatProtocol;
import io.github.asynccookbook.simulator.protocol.HttpReply;
import io.github.asynccookbook.simulator.protocol.InboundRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends each request to Gemini, Mistral or the admin API. Gemini is recognised under any path prefix
 * ({@code …/v1beta/models/…} or {@code …/v1/models/…}); Mistral only at the root, as {@code api.mistral.ai} serves it:
 * its SDKs append {@code /v1/…} to the base URL they are given.
 * {@code GET /v1/models} belongs to both: a Gemini key ({@code x-goog-api-key} or {@code ?key=}) picks Gemini.
 */
final class Router {

    private static final Pattern GEMINI = Pattern.compile("^(?:.*?)/(v1beta|v1)/models(?:/([^/]+))?/?$");
    private static final byte[] NO_BODY = new byte[0];

    private final SimulatorConfig config;
    private final SimulatorClock clock;
    private final StatsRecorder stats;
    private final ChatProtocol gemini;
    private final ChatProtocol mistral;
    private final ChatExchange chat;
    private final AdminApi admin;
    private final ApiKeyCheck keys;

    Router(SimulatorConfig config, SimulatorClock clock, StatsRecorder stats, ChatProtocol gemini,
           ChatProtocol mistral, ChatExchange chat, AdminApi admin) {
        this.config = config;
        this.clock = clock;
        this.stats = stats;
        this.gemini = gemini;
        this.mistral = mistral;
        this.chat = chat;
        this.admin = admin;
        this.keys = new ApiKeyCheck(config);
    }

    Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        long arrival = clock.nanos();
        return request.receive().aggregate().asByteArray().defaultIfEmpty(NO_BODY)
                .flatMap(body -> route(inbound(request, body), response, arrival));
    }

    private Mono<Void> route(InboundRequest request, HttpServerResponse response, long arrival) {
        String path = request.path();
        if (path.startsWith("/_sim/")) {
            return admin.handle(request, response);
        }
        boolean post = request.method().equals("POST");
        if (path.equals("/v1/chat/completions") && post) {
            return chat.answer(mistral, request, null, false, response, stats.arrived(Protocol.MISTRAL, arrival));
        }
        Matcher matcher = GEMINI.matcher(path);
        if (!matcher.matches()) {
            return notFound(path.contains("/v1beta") ? gemini : mistral, request, response);
        }
        String version = matcher.group(1);
        String resource = matcher.group(2);
        boolean isGemini = version.equals("v1beta") || gemini.apiKey(request) != null
                || (resource != null && resource.contains(":"));
        ChatProtocol protocol = isGemini ? gemini : mistral;
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
                : protocol.getModel(model(protocol, resource))));
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

    private static Mono<Void> notFound(ChatProtocol protocol, InboundRequest request, HttpServerResponse response) {
        return Replies.send(response, protocol.error(ApiError.of(ApiError.Kind.NOT_FOUND, request.path()),
                request.path().contains("/v1beta") ? "v1beta" : "v1"));
    }

    private static InboundRequest inbound(HttpServerRequest request, byte[] body) {
        var decoder = new QueryStringDecoder(request.uri());
        var query = new HashMap<String, String>();
        decoder.parameters().forEach((name, values) -> query.put(name, values.getFirst()));
        Map<String, String> headers = new HashMap<>();
        request.requestHeaders().forEach(h -> headers.putIfAbsent(h.getKey().toLowerCase(java.util.Locale.ROOT), h.getValue()));
        return new InboundRequest(request.method().name(), decoder.path(), query, headers, body);
    }
}
