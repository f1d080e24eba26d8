package io.github.asynccookbook.simulator.conversation;

import java.util.List;

/** One turn of a chat, in a form both the Gemini and the Mistral protocol map onto. */
public sealed interface Turn {

    /** Text the user (or the client on the user's behalf) sent. */
    record User(String text) implements Turn {
    }

    /** An earlier model turn: text, tool calls, or both. */
    record Assistant(String text, List<ToolCall> toolCalls) implements Turn {
        public Assistant {
            text = text == null ? "" : text;
            toolCalls = List.copyOf(toolCalls);
        }
    }

    /** The result of a tool call, sent back by the client. {@code callId} may be null (Gemini sends names only). */
    record ToolResult(String callId, String name, String content) implements Turn {
    }
}
