package io.github.asynccookbook.simulator.gemini;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.asynccookbook.simulator.protocol.ApiError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads request JSON with the rules of Google's proto3 JSON front end: a field may be spelled in camelCase or
 * snake_case, an unknown name is a 400, integers may come as numbers or strings, and every complaint names the
 * field by its proto path ({@code generation_config.max_output_tokens}) in the API's own words.
 */
final class ProtoJson {

    private static final Pattern UPPER = Pattern.compile("(?<=[a-z0-9])([A-Z])");
    private static final Pattern UNDERSCORE_LETTER = Pattern.compile("_([a-z0-9])");

    private ProtoJson() {
    }

    /** The request body as a JSON object; an empty body reads as {@code {}}. */
    static ObjectNode parseObject(byte[] body) {
        JsonNode root;
        try {
            root = GoogleJson.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw invalid("Invalid JSON payload received. " + syntaxProblem(e) + excerpt(body, e.getLocation()));
        } catch (IOException e) {
            throw invalid("Invalid JSON payload received. Unexpected token.");
        }
        if (root == null || root.isMissingNode()) {
            return GoogleJson.object();
        }
        if (!root.isObject()) {
            throw invalid("Invalid JSON payload received. Unknown name \"\": Root element must be a message.");
        }
        return (ObjectNode) root;
    }

    /** @throws ApiError UNKNOWN_FIELD for the first member whose name (in either spelling) is not in {@code known} */
    static void rejectUnknown(ObjectNode node, String path, Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(camel(name))) {
                throw ApiError.of(ApiError.Kind.UNKNOWN_FIELD, path.isEmpty() ? name : path + "." + name);
            }
        }
    }

    /** The member named {@code camelName} or its snake_case twin; null when absent or JSON null. */
    static JsonNode field(ObjectNode node, String camelName) {
        JsonNode value = node.get(camelName);
        if (value == null) {
            value = node.get(snake(camelName));
        }
        return value == null || value.isNull() ? null : value;
    }

    static String string(ObjectNode node, String name, String path) {
        JsonNode value = field(node, name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw mismatch(path, name, "TYPE_STRING", value);
        }
        return value.textValue();
    }

    static Integer int32(ObjectNode node, String name, String path) {
        JsonNode value = field(node, name);
        if (value == null) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.intValue();
        }
        if (value.isTextual() && value.textValue().matches("-?\\d{1,9}")) {
            return Integer.valueOf(value.textValue());
        }
        throw mismatch(path, name, "TYPE_INT32", value);
    }

    /** A repeated field; empty when absent. */
    static ArrayNode array(ObjectNode node, String name, String path, String elementType) {
        JsonNode value = field(node, name);
        if (value == null) {
            return GoogleJson.MAPPER.createArrayNode();
        }
        if (!value.isArray()) {
            throw mismatch(path, name, elementType, value);
        }
        return (ArrayNode) value;
    }

    /** A message field; null when absent. */
    static ObjectNode object(ObjectNode node, String name, String path, String type) {
        JsonNode value = field(node, name);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            throw mismatch(path, name, type, value);
        }
        return (ObjectNode) value;
    }

    /** An element of a repeated message field. */
    static ObjectNode element(JsonNode value, String elementPath, String type) {
        if (!value.isObject()) {
            throw invalid("Invalid value at '" + elementPath + "' (" + type + "), " + value);
        }
        return (ObjectNode) value;
    }

    /** {@code path.name} in proto (snake_case) spelling. */
    static String child(String path, String name) {
        return path.isEmpty() ? snake(name) : path + "." + snake(name);
    }

    static String snake(String camel) {
        return UPPER.matcher(camel).replaceAll("_$1").toLowerCase(Locale.ROOT);
    }

    static String camel(String snake) {
        return UNDERSCORE_LETTER.matcher(snake).replaceAll(m -> m.group(1).toUpperCase(Locale.ROOT));
    }

    static ApiError invalid(String message) {
        return ApiError.of(ApiError.Kind.INVALID_REQUEST, message);
    }

    private static ApiError mismatch(String path, String name, String type, JsonNode value) {
        boolean scalarExpected = type.startsWith("TYPE_");
        if (scalarExpected && (value.isArray() || value.isObject())) {
            String at = path.isEmpty() ? "" : " at '" + path + "'";
            return invalid("Invalid JSON payload received. Unknown name \"" + name + "\"" + at + ": "
                    + (value.isArray() ? "Proto field is not repeating, cannot start list." : "Starting an object on a scalar field"));
        }
        return invalid("Invalid value at '" + child(path, name) + "' (" + type + "), " + value);
    }

    private static String syntaxProblem(JsonProcessingException e) {
        return e instanceof JsonEOFException ? "Unexpected end of string." : "Unexpected token.";
    }

    /** Google quotes the offending line and marks the column with a caret. */
    private static String excerpt(byte[] body, JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        String[] lines = new String(body, StandardCharsets.UTF_8).split("\r?\n", -1);
        if (location.getLineNr() > lines.length) {
            return "";
        }
        String line = lines[location.getLineNr() - 1];
        int column = Math.clamp(location.getColumnNr() - 1, 0, line.length());
        int from = Math.max(0, column - 40);
        return "\n" + line.substring(from, Math.min(line.length(), column + 20)) + "\n" + " ".repeat(column - from) + "^";
    }
}
