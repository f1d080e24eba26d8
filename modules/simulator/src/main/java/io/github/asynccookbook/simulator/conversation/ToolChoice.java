package io.github.asynccookbook.simulator.conversation;

import java.util.Set;

/**
 * Whether the model may, must or must not call tools (Gemini {@code functionCallingConfig.mode},
 * Mistral {@code tool_choice}). An empty {@code allowed} set means every declared tool.
 */
public record ToolChoice(Mode mode, Set<String> allowed) {

    public enum Mode { AUTO, REQUIRED, NONE }

    public static final ToolChoice AUTO = new ToolChoice(Mode.AUTO, Set.of());

    public ToolChoice {
        allowed = Set.copyOf(allowed);
    }
}
