package io.github.asynccookbook.simulator.mistral;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.asynccookbook.simulator.conversation.FinishReason;
import io.github.asynccookbook.simulator.conversation.Reply;
import io.github.asynccookbook.simulator.conversation.ToolCall;

import java.util.List;

/** The pieces unary and streamed answers share, in the key order {@code api.mistral.ai} writes them. */
final class AnswerParts {

    private AnswerParts() {
    }

    static ObjectNode usage(Reply reply) {
        ObjectNode usage = Json.object();
        usage.put("prompt_tokens", reply.promptTokens());
        usage.put("total_tokens", reply.promptTokens() + reply.outputTokens());
        usage.put("completion_tokens", reply.outputTokens());
        return usage;
    }

    static String finishReason(FinishReason reason) {
        return switch (reason) {
            case STOP -> "stop";
            case LENGTH -> "length";
            case TOOL_CALLS -> "tool_calls";
        };
    }

    /** Unary shape: {@code {"id","type":"function","index","function":{"name","arguments"}}}. */
    static ArrayNode toolCalls(List<ToolCall> calls) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (int i = 0; i < calls.size(); i++) {
            ToolCall call = calls.get(i);
            ObjectNode node = array.addObject();
            node.put("id", call.id());
            node.put("type", "function");
            node.put("index", i);
            node.set("function", function(call));
        }
        return array;
    }

    /** Streamed shape, as recorded: {@code {"id","function":{"name","arguments"},"index"}} (clients default the type). */
    static ArrayNode streamedToolCalls(List<ToolCall> calls) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (int i = 0; i < calls.size(); i++) {
            ToolCall call = calls.get(i);
            ObjectNode node = array.addObject();
            node.put("id", call.id());
            node.set("function", function(call));
            node.put("index", i);
        }
        return array;
    }

    /** {@code arguments} is a JSON string, never an object: LangChain4j and the TS SDK both expect the string. */
    private static ObjectNode function(ToolCall call) {
        ObjectNode function = Json.object();
        function.put("name", call.name());
        function.put("arguments", Json.pythonStyle(call.arguments()));
        return function;
    }
}
