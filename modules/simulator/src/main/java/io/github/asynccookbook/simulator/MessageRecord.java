package io.github.asynccookbook.simulator;

import java.util.Map;

/**
 * One message of a chat request, or one tool call of a reply, as the simulator saw it: ground truth for what a
 * client sent (its history, its tool results) and for the tool arguments the simulated model chose.
 *
 * @param role       who speaks: the system instruction, the user, an earlier model turn's text, a tool call (an
 *                   earlier one the client sent back, or one the simulator's reply made), or a tool result
 * @param text       the message's text (a tool result's content), cut to {@value #MAX_TEXT} characters; empty for
 *                   a tool call
 * @param toolName   the tool called or answered, else null
 * @param toolCallId the call's id (Mistral; Gemini may send none), else null
 * @param arguments  a tool call's arguments, else empty
 */
public record MessageRecord(Role role, String text, String toolName, String toolCallId, Map<String, Object> arguments) {

    /** Texts are cut here: the record is ground truth for tests, not a log of 19 MB prompts. */
    public static final int MAX_TEXT = 1_000;

    public enum Role { SYSTEM, USER, ASSISTANT, TOOL_CALL, TOOL_RESULT }

    public MessageRecord {
        text = text == null ? "" : text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text;
        arguments = arguments == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(arguments));
    }
}
