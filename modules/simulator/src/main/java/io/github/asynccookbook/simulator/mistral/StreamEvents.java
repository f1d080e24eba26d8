package io.github.asynccookbook.simulator.mistral;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.asynccookbook.simulator.conversation.Reply;
import io.github.asynccookbook.simulator.protocol.ChatCall;
import io.github.asynccookbook.simulator.protocol.Chunk;
import io.github.asynccookbook.simulator.protocol.ResponseMeta;

/**
 * The SSE events of a streamed answer, as recorded: {@code data: <compact JSON>\n\n} each; a role-only opener
 * before the first chunk; one {@code {"content":"…"}} delta per chunk; a closing delta with the finish reason and
 * the only {@code usage}. Tool calls travel whole in one delta, since LangChain4j replaces its list with each
 * chunk's calls. The {@code data: [DONE]} trailer is {@link #DONE}: LangChain4j never completes without it.
 */
final class StreamEvents {

    static final String DONE = "data: [DONE]\n\n";

    private StreamEvents() {
    }

    /** The frame written when {@code chunk} is due: one or more whole events. */
    static String frame(ChatCall call, Reply reply, ResponseMeta meta, Chunk chunk) {
        var frame = new StringBuilder();
        if (chunk.first()) {
            ObjectNode delta = Json.object();
            delta.put("role", "assistant");
            delta.put("content", "");
            frame.append(event(call, meta, delta, null, null));
        }
        if (reply.isToolCall()) {
            if (chunk.last()) {
                ObjectNode delta = Json.object();
                delta.putNull("content");
                delta.set("tool_calls", AnswerParts.streamedToolCalls(reply.toolCalls()));
                frame.append(event(call, meta, delta, AnswerParts.finishReason(reply.finishReason()), reply));
            }
        } else {
            if (chunk.to() > chunk.from()) {
                frame.append(event(call, meta, content(reply.tokens().slice(chunk.from(), chunk.to())), null, null));
            }
            if (chunk.last()) {
                frame.append(event(call, meta, content(""), AnswerParts.finishReason(reply.finishReason()), reply));
            }
        }
        return frame.toString();
    }

    private static ObjectNode content(String text) {
        ObjectNode delta = Json.object();
        delta.put("content", text);
        return delta;
    }

    /** {@code usageOf} is the reply whose usage closes the stream, or null for every other event. */
    private static String event(ChatCall call, ResponseMeta meta, ObjectNode delta, String finishReason, Reply usageOf) {
        ObjectNode root = Json.object();
        root.put("id", meta.responseId());
        root.put("object", "chat.completion.chunk");
        root.put("created", meta.createdEpochSeconds());
        root.put("model", call.model());
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        choice.set("delta", delta);
        choice.put("finish_reason", finishReason);
        choice.putNull("logprobs");
        if (usageOf != null) {
            root.set("usage", AnswerParts.usage(usageOf));
        }
        return "data: " + Json.compact(root) + "\n\n";
    }
}
