package io.github.asynccookbook.simulator.gemini;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.asynccookbook.simulator.conversation.FinishReason;
import io.github.asynccookbook.simulator.conversation.Reply;
import io.github.asynccookbook.simulator.conversation.ToolCall;
import io.github.asynccookbook.simulator.protocol.ChatCall;
import io.github.asynccookbook.simulator.protocol.Chunk;
import io.github.asynccookbook.simulator.protocol.HttpReply;
import io.github.asynccookbook.simulator.protocol.ResponseMeta;
import io.github.asynccookbook.simulator.protocol.StreamFrames;

import java.util.List;
import java.util.function.IntFunction;

/**
 * Writes {@code GenerateContentResponse} objects and frames them: one pretty object for a unary call; for a stream,
 * SSE events ({@code data: } + one-line JSON + CRLF CRLF, no {@code [DONE]}) or, without {@code alt=sse}, a JSON
 * array. Each chunk carries the cumulative usage; only the last carries {@code finishReason}.
 */
final class ResponseWriter {

    private ResponseWriter() {
    }

    static HttpReply unary(ChatCall call, Reply reply, ResponseMeta meta) {
        return GeminiHttp.json(200, response(call, reply, meta, reply.text(),
                reply.toolCalls(), reply.outputTokens(), true));
    }

    static StreamFrames stream(ChatCall call, Reply reply, ResponseMeta meta, List<Chunk> chunks) {
        IntFunction<String> frame = i -> {
            Chunk chunk = chunks.get(i);
            List<ToolCall> calls = chunk.last() ? reply.toolCalls() : List.of();
            int sentSoFar = chunk.last() ? reply.outputTokens() : chunk.to();
            ObjectNode response = response(call, reply, meta, reply.tokens().slice(chunk.from(), chunk.to()), calls,
                    sentSoFar, chunk.last());
            return call.jsonArray()
                    ? (i == 0 ? "[" : "\n,\r\n") + GoogleJson.pretty(response)
                    : "data: " + GoogleJson.oneLine(response) + "\r\n\r\n";
        };
        return call.jsonArray()
                ? StreamFrames.rendered(GeminiHttp.JSON, GeminiHttp.HEADERS, chunks.size(), frame, "\n]")
                : StreamFrames.rendered(GeminiHttp.EVENT_STREAM, GeminiHttp.HEADERS, chunks.size(), frame, "");
    }

    private static ObjectNode response(ChatCall call, Reply reply, ResponseMeta meta, String text, List<ToolCall> calls,
                                       int candidatesTokens, boolean last) {
        ObjectNode response = GoogleJson.object();
        ObjectNode candidate = response.putArray("candidates").addObject();
        ObjectNode content = candidate.putObject("content");
        ArrayNode parts = content.putArray("parts");
        if (!text.isEmpty() || calls.isEmpty()) {
            parts.addObject().put("text", text);
        }
        calls.forEach(toolCall -> functionCall(parts.addObject().putObject("functionCall"), toolCall));
        content.put("role", "model");
        if (last) {
            candidate.put("finishReason", reply.finishReason() == FinishReason.LENGTH ? "MAX_TOKENS" : "STOP");
        }
        candidate.put("index", 0);
        response.set("usageMetadata", usage(reply.promptTokens(), candidatesTokens));
        response.put("modelVersion", call.model());
        response.put("responseId", meta.responseId());
        return response;
    }

    /** Name and args only: the Developer API's 2.x models send no call {@code id}, so clients must cope without. */
    private static void functionCall(ObjectNode node, ToolCall call) {
        node.put("name", call.name());
        node.set("args", GoogleJson.MAPPER.valueToTree(call.arguments()));
    }

    /** Zero counts are left out, as Google does. */
    private static ObjectNode usage(int promptTokens, int candidatesTokens) {
        ObjectNode usage = GoogleJson.object();
        usage.put("promptTokenCount", promptTokens);
        if (candidatesTokens > 0) {
            usage.put("candidatesTokenCount", candidatesTokens);
        }
        usage.put("totalTokenCount", promptTokens + candidatesTokens);
        usage.set("promptTokensDetails", TokenCounts.textModality(promptTokens));
        return usage;
    }
}
