package io.github.asynccookbook.simulator.mistral;

import io.github.asynccookbook.simulator.ModelProfile;
import io.github.asynccookbook.simulator.Protocol;
import io.github.asynccookbook.simulator.conversation.Reply;
import io.github.asynccookbook.simulator.protocol.ApiError;
import io.github.asynccookbook.simulator.protocol.ChatCall;
import io.github.asynccookbook.simulator.protocol.ChatProtocol;
import io.github.asynccookbook.simulator.protocol.Chunk;
import io.github.asynccookbook.simulator.protocol.HttpReply;
import io.github.asynccookbook.simulator.protocol.InboundRequest;
import io.github.asynccookbook.simulator.protocol.ResponseMeta;
import io.github.asynccookbook.simulator.protocol.StreamFrames;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.List;

/**
 * Mistral's v1 chat-completions API, byte for byte as {@code api.mistral.ai} speaks it to LangChain4j and the
 * official TypeScript SDK (see {@code shared/reference/mistral-api.md}).
 */
public final class MistralProtocol implements ChatProtocol {

    private static final String BEARER = "Bearer ";

    private final Clock clock;

    public MistralProtocol() {
        this(Clock.systemUTC());
    }

    /** {@code clock} dates the model cards. */
    MistralProtocol(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Protocol protocol() {
        return Protocol.MISTRAL;
    }

    /** The key of {@code Authorization: Bearer <key>}; null when the header is absent, blank or another scheme. */
    @Override
    public String apiKey(InboundRequest request) {
        String authorization = request.header("authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String key = authorization.substring(BEARER.length()).strip();
        return key.isEmpty() ? null : key;
    }

    /** The body names the model and says whether to stream; {@code modelFromPath} and {@code stream} are unused. */
    @Override
    public ChatCall parseChat(InboundRequest request, String modelFromPath, boolean stream) {
        return ChatRequestReader.read(request.body());
    }

    @Override
    public HttpReply unary(ChatCall call, Reply reply, ResponseMeta meta) {
        return new HttpReply(200, "application/json", ResponseHeaders.of(meta),
                CompletionBody.of(call, reply, meta).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public StreamFrames stream(ChatCall call, Reply reply, ResponseMeta meta, List<Chunk> chunks) {
        return StreamFrames.rendered("text/event-stream", ResponseHeaders.of(meta), chunks.size(),
                i -> StreamEvents.frame(call, reply, meta, chunks.get(i)), StreamEvents.DONE);
    }

    @Override
    public HttpReply error(ApiError error, String apiVersion) {
        return ErrorReplies.of(error);
    }

    @Override
    public HttpReply listModels(Collection<ModelProfile> models, InboundRequest request) {
        return HttpReply.json(200, ModelCards.list(models, clock.instant().getEpochSecond()));
    }

    @Override
    public HttpReply getModel(ModelProfile model, Collection<ModelProfile> served) {
        return HttpReply.json(200, ModelCards.one(model, served, clock.instant().getEpochSecond()));
    }

    /** Mistral has no token-counting route. */
    @Override
    public HttpReply countTokens(InboundRequest request, ModelProfile model) {
        return ErrorReplies.of(ApiError.of(ApiError.Kind.NOT_FOUND, request.path()));
    }
}
