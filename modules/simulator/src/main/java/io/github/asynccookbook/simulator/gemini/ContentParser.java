package io.github.asynccookbook.simulator.gemini;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.asynccookbook.simulator.conversation.ToolCall;
import io.github.asynccookbook.simulator.conversation.Turn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.asynccookbook.simulator.gemini.ProtoJson.field;
import static io.github.asynccookbook.simulator.gemini.ProtoJson.invalid;

/**
 * Turns Gemini {@code Content} objects into neutral turns: a {@code user} content may mix text and
 * {@code functionResponse} parts (LangChain4j sends each tool result as its own user turn), a {@code model} content
 * holds text and {@code functionCall} parts. Media parts carry no text for the simulated model and are skipped.
 */
final class ContentParser {

    private static final String CONTENT = "type.googleapis.com/google.ai.generativelanguage.v1beta.Content";
    private static final String PART = "type.googleapis.com/google.ai.generativelanguage.v1beta.Part";
    private static final TypeReference<Map<String, Object>> ARGS = new TypeReference<>() {
    };

    private ContentParser() {
    }

    static List<Turn> turns(ArrayNode contents, String path) {
        var turns = new ArrayList<Turn>();
        for (int i = 0; i < contents.size(); i++) {
            String at = path + "[" + i + "]";
            ObjectNode content = ProtoJson.element(contents.get(i), at, CONTENT);
            String role = ProtoJson.string(content, "role", at);
            List<ObjectNode> parts = parts(content, at);
            switch (role == null ? "user" : role) {
                case "user", "function" -> userTurns(parts, turns);
                case "model" -> turns.add(modelTurn(parts));
                default -> throw invalid("Please use a valid role: user, model.");
            }
        }
        return turns;
    }

    /** The system instruction's text; its role ({@code model}, {@code user}, {@code system} or none) does not matter. */
    static String systemText(ObjectNode systemInstruction, String path) {
        if (systemInstruction == null) {
            return "";
        }
        var text = new StringBuilder();
        ArrayNode parts = ProtoJson.array(systemInstruction, "parts", path, PART);
        for (int i = 0; i < parts.size(); i++) {
            String piece = textOf(ProtoJson.element(parts.get(i), path + ".parts[" + i + "]", PART));
            if (piece != null) {
                text.append(text.isEmpty() ? "" : "\n").append(piece);
            }
        }
        return text.toString();
    }

    private static List<ObjectNode> parts(ObjectNode content, String at) {
        ArrayNode parts = ProtoJson.array(content, "parts", at, PART);
        if (parts.isEmpty()) {
            throw invalid("* GenerateContentRequest." + at + ".parts: contents.parts must not be empty.\n");
        }
        var result = new ArrayList<ObjectNode>();
        for (int i = 0; i < parts.size(); i++) {
            result.add(ProtoJson.element(parts.get(i), at + ".parts[" + i + "]", PART));
        }
        return result;
    }

    private static void userTurns(List<ObjectNode> parts, List<Turn> turns) {
        var text = new StringBuilder();
        boolean added = false;
        for (ObjectNode part : parts) {
            if (field(part, "functionResponse") instanceof ObjectNode response) {
                if (!text.isEmpty()) {
                    turns.add(new Turn.User(text.toString()));
                    text.setLength(0);
                }
                turns.add(toolResult(response));
                added = true;
            } else {
                String piece = textOf(part);
                if (piece != null) {
                    text.append(text.isEmpty() ? "" : "\n").append(piece);
                }
            }
        }
        if (!text.isEmpty() || !added) {
            turns.add(new Turn.User(text.toString()));
        }
    }

    private static Turn.Assistant modelTurn(List<ObjectNode> parts) {
        var text = new StringBuilder();
        var calls = new ArrayList<ToolCall>();
        for (ObjectNode part : parts) {
            if (field(part, "functionCall") instanceof ObjectNode functionCall) {
                calls.add(toolCall(functionCall));
            } else {
                String piece = textOf(part);
                if (piece != null) {
                    text.append(piece);
                }
            }
        }
        return new Turn.Assistant(text.toString(), calls);
    }

    /** A part's visible text: thought parts are the model's own reasoning, not conversation text. */
    private static String textOf(ObjectNode part) {
        JsonNode text = field(part, "text");
        JsonNode thought = field(part, "thought");
        boolean isThought = thought != null && thought.asBoolean();
        return text != null && text.isTextual() && !isThought ? text.textValue() : null;
    }

    private static ToolCall toolCall(ObjectNode call) {
        JsonNode args = field(call, "args");
        var arguments = new LinkedHashMap<String, Object>();
        if (args instanceof ObjectNode object) {
            GoogleJson.MAPPER.convertValue(object, ARGS).forEach((name, value) -> {
                if (value != null) {
                    arguments.put(name, value);
                }
            });
        }
        return new ToolCall(textField(call, "id"), textField(call, "name"), arguments);
    }

    /**
     * LangChain4j wraps a tool's text as {@code {"response": "<text>"}}; a single text member is the result itself,
     * anything else is passed on as JSON.
     */
    private static Turn.ToolResult toolResult(ObjectNode functionResponse) {
        JsonNode response = field(functionResponse, "response");
        String content;
        if (response == null) {
            content = "";
        } else if (response.isObject() && response.size() == 1 && response.elements().next().isTextual()) {
            content = response.elements().next().textValue();
        } else {
            content = response.toString();
        }
        return new Turn.ToolResult(textField(functionResponse, "id"), textField(functionResponse, "name"), content);
    }

    private static String textField(ObjectNode node, String name) {
        JsonNode value = field(node, name);
        return value == null ? null : value.asText();
    }
}
