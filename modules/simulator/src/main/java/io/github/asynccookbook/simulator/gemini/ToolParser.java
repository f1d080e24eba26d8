package io.github.asynccookbook.simulator.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.asynccookbook.simulator.conversation.ToolChoice;
import io.github.asynccookbook.simulator.conversation.ToolSpec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static io.github.asynccookbook.simulator.gemini.ProtoJson.field;
import static io.github.asynccookbook.simulator.gemini.ProtoJson.invalid;

/**
 * Reads {@code tools[].functionDeclarations} and {@code toolConfig.functionCallingConfig}. Parameters come as
 * Gemini's OpenAPI subset ({@code parameters}, types {@code OBJECT} or {@code object}) or as plain JSON Schema
 * ({@code parametersJsonSchema}). Built-in tools (code execution, Google Search, ...) are accepted and ignored.
 */
final class ToolParser {

    private static final String TOOL = "type.googleapis.com/google.ai.generativelanguage.v1beta.Tool";
    private static final String DECLARATION = "type.googleapis.com/google.ai.generativelanguage.v1beta.FunctionDeclaration";
    private static final String SCHEMA = "type.googleapis.com/google.ai.generativelanguage.v1beta.Schema";
    private static final String CONFIG = "type.googleapis.com/google.ai.generativelanguage.v1beta.FunctionCallingConfig";
    private static final String MODE = CONFIG + ".Mode";

    private ToolParser() {
    }

    static List<ToolSpec> tools(ArrayNode tools, String path) {
        var specs = new ArrayList<ToolSpec>();
        for (int i = 0; i < tools.size(); i++) {
            String at = path + "[" + i + "]";
            ObjectNode tool = ProtoJson.element(tools.get(i), at, TOOL);
            ArrayNode declarations = ProtoJson.array(tool, "functionDeclarations", at, DECLARATION);
            for (int j = 0; j < declarations.size(); j++) {
                String declarationPath = at + ".function_declarations[" + j + "]";
                specs.add(declaration(ProtoJson.element(declarations.get(j), declarationPath, DECLARATION), declarationPath));
            }
        }
        return specs;
    }

    static ToolChoice choice(ObjectNode toolConfig, String path) {
        if (toolConfig == null) {
            return ToolChoice.AUTO;
        }
        ObjectNode config = ProtoJson.object(toolConfig, "functionCallingConfig", path, CONFIG);
        if (config == null) {
            return ToolChoice.AUTO;
        }
        String at = ProtoJson.child(path, "functionCallingConfig");
        Set<String> allowed = new HashSet<>();
        ProtoJson.array(config, "allowedFunctionNames", at, "TYPE_STRING").forEach(name -> allowed.add(name.asText()));
        String mode = ProtoJson.string(config, "mode", at);
        return switch (mode == null ? "AUTO" : mode.toUpperCase(Locale.ROOT)) {
            case "AUTO", "MODE_UNSPECIFIED", "VALIDATED" -> new ToolChoice(ToolChoice.Mode.AUTO, allowed);
            case "ANY" -> new ToolChoice(ToolChoice.Mode.REQUIRED, allowed);
            case "NONE" -> new ToolChoice(ToolChoice.Mode.NONE, Set.of());
            default -> throw invalid("Invalid value at '" + ProtoJson.child(at, "mode") + "' (" + MODE + "), \"" + mode + "\"");
        };
    }

    private static ToolSpec declaration(ObjectNode declaration, String path) {
        String name = ProtoJson.string(declaration, "name", path);
        if (name == null || name.isBlank()) {
            throw invalid("* GenerateContentRequest." + path + ".name: Name cannot be empty.\n");
        }
        ObjectNode schema = ProtoJson.object(declaration, "parameters", path, SCHEMA);
        if (schema == null) {
            schema = ProtoJson.object(declaration, "parametersJsonSchema", path, "type.googleapis.com/google.protobuf.Value");
        }
        return new ToolSpec(name, ProtoJson.string(declaration, "description", path), parameters(schema));
    }

    private static List<ToolSpec.Parameter> parameters(ObjectNode schema) {
        if (schema == null || !(field(schema, "properties") instanceof ObjectNode properties)) {
            return List.of();
        }
        Set<String> required = new HashSet<>();
        if (field(schema, "required") instanceof ArrayNode names) {
            names.forEach(n -> required.add(n.asText()));
        }
        var parameters = new ArrayList<ToolSpec.Parameter>();
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            JsonNode definition = property.getValue();
            parameters.add(new ToolSpec.Parameter(property.getKey(), type(definition.get("type")),
                    definition.path("description").asText(null), required.contains(property.getKey()),
                    enumValues(definition.get("enum"))));
        }
        return parameters;
    }

    /** {@code "STRING"}, {@code "string"} or a JSON Schema list such as {@code ["string", "null"]}. */
    private static String type(JsonNode type) {
        if (type == null) {
            return null;
        }
        if (type.isArray()) {
            for (JsonNode option : type) {
                if (!option.asText().equalsIgnoreCase("null")) {
                    return option.asText();
                }
            }
            return null;
        }
        return type.asText();
    }

    private static List<String> enumValues(JsonNode values) {
        if (values == null || !values.isArray()) {
            return List.of();
        }
        var result = new ArrayList<String>();
        values.forEach(v -> result.add(v.asText()));
        return result;
    }
}
