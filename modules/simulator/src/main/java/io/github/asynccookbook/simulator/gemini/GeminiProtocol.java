package io.github.asynccookbook.simulator.gemini;

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

import java.util.Collection;
import java.util.List;

/**
 * The Gemini Developer API ({@code v1beta} and {@code v1}) on the wire: requests parsed as strictly as Google
 * parses them, answers byte-compatible with what LangChain4j, {@code @google/genai} and the legacy SDK read.
 * Stateless and thread-safe.
 */
public final class GeminiProtocol implements ChatProtocol {

    @Override
    public Protocol protocol() {
        return Protocol.GEMINI;
    }

    /** {@code x-goog-api-key}, as every SDK sends it, else the {@code ?key=} query parameter. */
    @Override
    public String apiKey(InboundRequest request) {
        String header = request.header("x-goog-api-key");
        String key = header != null && !header.isBlank() ? header : request.query().get("key");
        return key == null || key.isBlank() ? null : key;
    }

    @Override
    public ChatCall parseChat(InboundRequest request, String modelFromPath, boolean stream) {
        var parsed = GenerateContentRequestParser.parse(ProtoJson.parseObject(request.body()));
        boolean jsonArray = stream && !"sse".equals(request.query().get("alt"));
        return new ChatCall(Protocol.GEMINI, modelFromPath, stream, jsonArray, apiVersion(request.path()),
                parsed.conversation(), parsed.seed());
    }

    /**
     * {@code maxOutputTokens} must be at least 1, in the words Google's front end uses for it. A value over the
     * model's limit is not refused: the Developer API caps it (only Vertex AI refuses it).
     */
    @Override
    public void checkLimits(ChatCall call, ModelProfile model) {
        Integer max = call.conversation().maxOutputTokens();
        if (max != null && max < 1) {
            throw ApiError.of(ApiError.Kind.INVALID_REQUEST, "Unable to submit request because it has a "
                    + "maxOutputTokens value of " + max + " but the supported range is from 1 (inclusive) to "
                    + (model.outputTokenLimit() + 1L) + " (exclusive). Update the value and try again.");
        }
    }

    @Override
    public HttpReply unary(ChatCall call, Reply reply, ResponseMeta meta) {
        return ResponseWriter.unary(call, reply, meta);
    }

    @Override
    public StreamFrames stream(ChatCall call, Reply reply, ResponseMeta meta, List<Chunk> chunks) {
        return ResponseWriter.stream(call, reply, meta, chunks);
    }

    @Override
    public HttpReply error(ApiError error, String apiVersion) {
        return ErrorWriter.render(error, apiVersion);
    }

    /** Before an SSE stream an error is plain JSON; the JSON-array stream (no {@code alt=sse}) wraps it in [ ]. */
    @Override
    public HttpReply streamError(ApiError error, InboundRequest request, String apiVersion) {
        HttpReply reply = error(error, apiVersion);
        return "sse".equals(request.query().get("alt")) ? reply : GeminiHttp.inJsonArray(reply);
    }

    @Override
    public HttpReply listModels(Collection<ModelProfile> models, InboundRequest request) {
        return ModelCatalog.list(models, request.query().get("pageSize"), request.query().get("pageToken"));
    }

    @Override
    public HttpReply getModel(ModelProfile model, Collection<ModelProfile> served) {
        return ModelCatalog.get(model);
    }

    /** @throws ApiError UNKNOWN_FIELD or INVALID_REQUEST for a body the real API would refuse */
    @Override
    public HttpReply countTokens(InboundRequest request, ModelProfile model) {
        return TokenCounts.count(request.body());
    }

    /** The path segment before {@code /models/}: {@code v1beta} or {@code v1}, whatever prefix precedes it. */
    static String apiVersion(String path) {
        int models = path.lastIndexOf("/models/");
        if (models <= 0) {
            return "v1beta";
        }
        String before = path.substring(0, models);
        return before.substring(before.lastIndexOf('/') + 1);
    }
}
