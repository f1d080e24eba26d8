package io.github.asynccookbook.simulator.mistral;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.asynccookbook.simulator.conversation.ToolChoice;
import io.github.asynccookbook.simulator.conversation.ToolSpec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code tools} and {@code tool_choice}. A tool's {@code parameters} is a JSON schema; only its top-level
 * properties matter to the simulated model, so keywords such as {@code $schema} or {@code additionalProperties}
 * (sent by LangChain.js) pass untouched.
 */
final class ToolsReader {

    private static final Loc TOOL_CHOICE = Loc.BODY.with("tool_choice");

    private ToolsReader() {
    }

    static List<ToolSpec> tools(JsonNode root, Validation validation) {
        JsonNode list = validation.list(root, "tools", Loc.BODY, false);
        var tools = new ArrayList<ToolSpec>();
        if (list == null) {
            return tools;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode tool = list.get(i);
            Loc loc = Loc.BODY.with("tools").with(i);
            if (!validation.isObject(tool, loc)) {
                continue;
            }
            String type = validation.string(tool, "type", loc, false);
            if (type != null && !type.equals("function")) {
                validation.invalid("literal_error", loc.with("type"), "Input should be 'function'");
            }
            JsonNode function = tool.get("function");
            if (function == null) {
                validation.missing(loc.with("function"));
                continue;
            }
            Loc functionLoc = loc.with("function");
            if (!validation.isObject(function, functionLoc)) {
                continue;
            }
            String name = validation.string(function, "name", functionLoc, true);
            String description = validation.string(function, "description", functionLoc, false);
            if (name != null) {
                tools.add(new ToolSpec(name, description, parameters(function.get("parameters"))));
            }
        }
        return tools;
    }

    /** {@code auto|none|any|required}, or one named function, which the model then must call. */
    static ToolChoice toolChoice(JsonNode root, Validation validation) {
        JsonNode choice = root.get("tool_choice");
        if (choice == null || choice.isNull()) {
            return ToolChoice.AUTO;
        }
        if (choice.isObject()) {
            JsonNode function = choice.get("function");
            if (function == null) {
                validation.missing(TOOL_CHOICE.with("function"));
                return ToolChoice.AUTO;
            }
            if (!validation.isObject(function, TOOL_CHOICE.with("function"))) {
                return ToolChoice.AUTO;
            }
            String name = validation.string(function, "name", TOOL_CHOICE.with("function"), true);
            return name == null ? ToolChoice.AUTO : new ToolChoice(ToolChoice.Mode.REQUIRED, Set.of(name));
        }
        return switch (choice.isTextual() ? choice.textValue() : "") {
            case "auto" -> ToolChoice.AUTO;
            case "none" -> new ToolChoice(ToolChoice.Mode.NONE, Set.of());
            case "any", "required" -> new ToolChoice(ToolChoice.Mode.REQUIRED, Set.of());
            default -> {
                validation.invalid("enum", TOOL_CHOICE, "Input should be 'auto', 'none', 'any' or 'required'");
                yield ToolChoice.AUTO;
            }
        };
    }

    private static List<ToolSpec.Parameter> parameters(JsonNode schema) {
        var parameters = new ArrayList<ToolSpec.Parameter>();
        if (schema == null || !schema.isObject()) {
            return parameters;
        }
        Set<String> required = new HashSet<>(texts(schema.get("required")));
        schema.path("properties").properties().forEach(property -> {
            JsonNode definition = property.getValue();
            parameters.add(new ToolSpec.Parameter(property.getKey(), type(definition.get("type")),
                    definition.path("description").textValue(), required.contains(property.getKey()),
                    texts(definition.get("enum"))));
        });
        return parameters;
    }

    /** {@code "string"}, or the first non-null type of a union such as {@code ["string", "null"]}. */
    private static String type(JsonNode type) {
        if (type == null) {
            return null;
        }
        if (type.isArray()) {
            for (JsonNode member : type) {
                if (member.isTextual() && !member.textValue().equals("null")) {
                    return member.textValue();
                }
            }
            return null;
        }
        return type.textValue();
    }

    private static List<String> texts(JsonNode array) {
        var texts = new ArrayList<String>();
        if (array != null && array.isArray()) {
            array.forEach(value -> texts.add(value.asText()));
        }
        return texts;
    }
}
