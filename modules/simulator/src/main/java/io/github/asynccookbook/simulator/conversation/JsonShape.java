package io.github.asynccookbook.simulator.conversation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node of a response schema with the dialect stripped away: Gemini's OpenAPI subset ({@code responseSchema})
 * and JSON Schema ({@code responseJsonSchema}, Mistral's {@code json_schema}) both read into this.
 *
 * @param kinds      the JSON types allowed, in the order the schema names them; empty means any
 * @param properties an object's properties in the order the answer writes them
 * @param required   the properties an object must have
 * @param enumValues the only values allowed, empty when not restricted ({@code const} is a one-value enum)
 * @param items      the schema of an array's elements, or null for any
 * @param anyOf      alternatives, empty when none; the answer follows the first that is not {@code null}
 * @param ref        a {@code $ref} to a definition of the {@link ResponseFormat} ({@code #/$defs/Name}), or null
 */
public record JsonShape(List<Kind> kinds, String description, String format, Map<String, JsonShape> properties,
                        List<String> required, List<JsonNode> enumValues, JsonShape items, List<JsonShape> anyOf,
                        int minItems, Integer maxItems, Double minimum, Double maximum, String ref) {

    /** JSON types; {@code NULL} is JSON Schema's {@code "null"} and Gemini's {@code nullable: true}. */
    public enum Kind { OBJECT, ARRAY, STRING, INTEGER, NUMBER, BOOLEAN, NULL }

    public JsonShape {
        kinds = List.copyOf(kinds);
        description = description == null ? "" : description;
        properties = properties == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        required = required == null ? List.of() : List.copyOf(required);
        enumValues = enumValues == null ? List.of() : List.copyOf(enumValues);
        anyOf = anyOf == null ? List.of() : List.copyOf(anyOf);
    }

    /** A reference to a named definition. */
    public static JsonShape reference(String ref) {
        return new JsonShape(List.of(), null, null, null, null, null, null, null, 0, null, null, null, ref);
    }

    public boolean allows(Kind kind) {
        return kinds.contains(kind);
    }
}
