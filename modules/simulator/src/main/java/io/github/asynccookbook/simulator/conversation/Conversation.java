package io.github.asynccookbook.simulator.conversation;

import java.util.List;

/**
 * A chat request with the wire format stripped away.
 *
 * @param system          system instruction text, empty when none
 * @param turns           the turns in order; the last one decides what the model does next
 * @param tools           declared tools, empty when none
 * @param toolChoice      whether tools may, must or must not be called
 * @param maxOutputTokens the client's cap on generated tokens, or null
 * @param responseFormat  text, JSON or an enum value (structured output)
 */
public record Conversation(String system, List<Turn> turns, List<ToolSpec> tools, ToolChoice toolChoice,
                           Integer maxOutputTokens, ResponseFormat responseFormat) {

    public Conversation {
        system = system == null ? "" : system;
        turns = List.copyOf(turns);
        tools = List.copyOf(tools);
        toolChoice = toolChoice == null ? ToolChoice.AUTO : toolChoice;
        responseFormat = responseFormat == null ? ResponseFormat.TEXT : responseFormat;
    }

    /** A conversation whose answer is free text. */
    public Conversation(String system, List<Turn> turns, List<ToolSpec> tools, ToolChoice toolChoice,
                        Integer maxOutputTokens) {
        this(system, turns, tools, toolChoice, maxOutputTokens, ResponseFormat.TEXT);
    }

    /** The text of the last user turn, or empty when the conversation does not end with one. */
    public String lastUserText() {
        return turns.isEmpty() || !(turns.getLast() instanceof Turn.User user) ? "" : user.text();
    }
}
