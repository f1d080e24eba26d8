package io.github.asynccookbook.simulator.mistral;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.asynccookbook.simulator.conversation.ToolCall;
import io.github.asynccookbook.simulator.conversation.Turn;
import io.github.asynccookbook.simulator.protocol.ApiError;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Reads Mistral's {@code messages} into system text and neutral turns. {@code content} may be a string or an
 * array of chunks (LangChain4j always sends the array); only {@code text} chunks count, images and the like are
 * accepted and ignored. Each role has its own closed set of fields, as in the real schema.
 */
final class MessagesReader {

    private static final Map<String, Set<String>> FIELDS_BY_ROLE = Map.of(
            "system", Set.of("role", "content"),
            "user", Set.of("role", "content"),
            "assistant", Set.of("role", "content", "tool_calls", "prefix"),
            "tool", Set.of("role", "content", "tool_call_id", "name"));
    private static final String EXPECTED_ROLES = "'assistant', 'system', 'tool', 'user'";

    /** The messages read, with their roles in order for the ordering rule. */
    record Messages(String system, List<Turn> turns, List<String> roles) {

        /** Mistral refuses a user message right after a tool result with a 400, not a 422. */
        void checkOrder() {
            for (int i = 1; i < roles.size(); i++) {
                if (roles.get(i - 1).equals("tool") && roles.get(i).equals("user")) {
                    throw ApiError.of(ApiError.Kind.INVALID_REQUEST, ErrorReplies.envelope(400,
                            "Unexpected role 'user' after role 'tool'", "invalid_request_message_order", "3230"));
                }
            }
        }
    }

    private MessagesReader() {
    }

    static Messages read(JsonNode root, Validation validation) {
        Loc listLoc = Loc.BODY.with("messages");
        JsonNode list = validation.list(root, "messages", Loc.BODY, true);
        var system = new StringJoiner("\n");
        var turns = new ArrayList<Turn>();
        var roles = new ArrayList<String>();
        if (list == null) {
            return new Messages("", turns, roles);
        }
        if (list.isEmpty()) {
            validation.invalid("too_short", listLoc, "List should have at least 1 item after validation, not 0");
        }
        Map<String, String> toolNames = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode message = list.get(i);
            Loc loc = listLoc.with(i);
            String role = validation.isObject(message, loc) ? role(message, loc, validation) : null;
            if (role == null) {
                continue;
            }
            Loc at = loc.with(role);
            validation.rejectExtraFields(message, FIELDS_BY_ROLE.get(role), at);
            roles.add(role);
            switch (role) {
                case "system" -> system.add(text(message, at, true, validation));
                case "user" -> turns.add(new Turn.User(text(message, at, true, validation)));
                case "assistant" -> {
                    validation.bool(message, "prefix", at); // checked, then ignored: the model never continues a prefix
                    List<ToolCall> calls = toolCalls(message, at, validation);
                    calls.forEach(call -> toolNames.put(call.id(), call.name()));
                    turns.add(new Turn.Assistant(text(message, at, false, validation), calls));
                }
                case "tool" -> {
                    String callId = validation.string(message, "tool_call_id", at, false);
                    String name = validation.string(message, "name", at, false);
                    turns.add(new Turn.ToolResult(callId, name != null ? name : toolNames.getOrDefault(callId, ""),
                            text(message, at, true, validation)));
                }
            }
        }
        return new Messages(system.toString(), turns, roles);
    }

    private static String role(JsonNode message, Loc loc, Validation validation) {
        JsonNode role = message.get("role");
        if (role == null || !role.isTextual()) {
            validation.invalid("union_tag_not_found", loc, "Unable to extract tag using discriminator 'role'");
            return null;
        }
        if (!FIELDS_BY_ROLE.containsKey(role.textValue())) {
            validation.invalid("union_tag_invalid", loc, "Input tag '" + role.textValue()
                    + "' found using 'role' does not match any of the expected tags: " + EXPECTED_ROLES);
            return null;
        }
        return role.textValue();
    }

    /** The text of a message's content: a string, null, or the text chunks of an array joined by line breaks. */
    private static String text(JsonNode message, Loc loc, boolean required, Validation validation) {
        JsonNode content = message.get("content");
        Loc contentLoc = loc.with("content");
        if (content == null) {
            if (required) {
                validation.missing(contentLoc);
            }
            return "";
        }
        if (content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.textValue();
        }
        if (!content.isArray()) {
            validation.invalid("string_type", contentLoc, "Input should be a valid string");
            return "";
        }
        var text = new StringJoiner("\n");
        for (int i = 0; i < content.size(); i++) {
            JsonNode chunk = content.get(i);
            if (validation.isObject(chunk, contentLoc.with(i)) && "text".equals(chunk.path("type").asText())) {
                String chunkText = validation.string(chunk, "text", contentLoc.with(i), true);
                text.add(chunkText == null ? "" : chunkText);
            }
        }
        return text.toString();
    }

    private static List<ToolCall> toolCalls(JsonNode message, Loc loc, Validation validation) {
        JsonNode list = validation.list(message, "tool_calls", loc, false);
        var calls = new ArrayList<ToolCall>();
        if (list == null) {
            return calls;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode call = list.get(i);
            Loc callLoc = loc.with("tool_calls").with(i);
            if (!validation.isObject(call, callLoc)) {
                continue;
            }
            JsonNode function = call.get("function");
            Loc functionLoc = callLoc.with("function");
            if (function == null) {
                validation.missing(functionLoc);
                continue;
            }
            if (!validation.isObject(function, functionLoc)) {
                continue;
            }
            String name = validation.string(function, "name", functionLoc, true);
            JsonNode arguments = function.get("arguments");
            if (arguments == null) {
                validation.missing(functionLoc.with("arguments"));
            }
            if (name != null && arguments != null) {
                calls.add(new ToolCall(validation.string(call, "id", callLoc, false), name, arguments(arguments)));
            }
        }
        return calls;
    }

    /**
     * Arguments arrive as a JSON string (or, rarely, an object). The schema accepts any string, so one that is not
     * a JSON object yields no arguments rather than an error; null values are dropped.
     */
    private static Map<String, Object> arguments(JsonNode arguments) {
        JsonNode parsed = arguments;
        if (arguments.isTextual()) {
            try {
                parsed = Json.MAPPER.readTree(arguments.textValue());
            } catch (JsonProcessingException e) {
                return Map.of();
            }
        }
        var values = new LinkedHashMap<String, Object>();
        if (parsed.isObject()) {
            parsed.properties().forEach(entry -> {
                if (!entry.getValue().isNull()) {
                    values.put(entry.getKey(), Json.MAPPER.convertValue(entry.getValue(), Object.class));
                }
            });
        }
        return values;
    }
}
