package io.github.asynccookbook.simulator.conversation;

import java.util.Map;

/** A call of a declared tool; {@code arguments} is the parsed JSON object. */
public record ToolCall(String id, String name, Map<String, Object> arguments) {
    public ToolCall {
        arguments = Map.copyOf(arguments);
    }
}
