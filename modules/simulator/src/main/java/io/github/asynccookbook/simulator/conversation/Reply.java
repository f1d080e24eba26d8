package io.github.asynccookbook.simulator.conversation;

import java.util.List;

/**
 * What the simulated model answers: either text, with the tokens it is streamed in, or tool calls.
 * {@code tokens.size()} is the output token count of a text answer.
 */
public record Reply(TokenizedText tokens, List<ToolCall> toolCalls, FinishReason finishReason, int promptTokens) {

    public Reply {
        toolCalls = List.copyOf(toolCalls);
    }

    public String text() {
        return tokens.text();
    }

    /** Output tokens: the text tokens, or an estimate of the tool calls' size. */
    public int outputTokens() {
        if (toolCalls.isEmpty()) {
            return tokens.size();
        }
        return toolCalls.stream().mapToInt(c -> 4 + c.name().length() / 4 + c.arguments().toString().length() / 4).sum();
    }

    public boolean isToolCall() {
        return !toolCalls.isEmpty();
    }
}
