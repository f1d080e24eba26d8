package io.github.asynccookbook.simulator.mistral;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.asynccookbook.simulator.conversation.Reply;
import io.github.asynccookbook.simulator.protocol.ChatCall;
import io.github.asynccookbook.simulator.protocol.ResponseMeta;

/**
 * The non-streamed {@code chat.completion} body, key order as recorded (Jan 2026):
 * {@code id, created, model, usage, object, choices}. A text answer carries {@code "tool_calls":null}; a tool-call
 * answer carries the calls and empty content.
 */
final class CompletionBody {

    private CompletionBody() {
    }

    static String of(ChatCall call, Reply reply, ResponseMeta meta) {
        ObjectNode root = Json.object();
        root.put("id", meta.responseId());
        root.put("created", meta.createdEpochSeconds());
        root.put("model", call.model());
        root.set("usage", AnswerParts.usage(reply));
        root.put("object", "chat.completion");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        choice.put("finish_reason", AnswerParts.finishReason(reply.finishReason()));
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        if (reply.isToolCall()) {
            message.set("tool_calls", AnswerParts.toolCalls(reply.toolCalls()));
            message.put("content", "");
        } else {
            message.putNull("tool_calls");
            message.put("content", reply.text());
        }
        return Json.compact(root);
    }
}
