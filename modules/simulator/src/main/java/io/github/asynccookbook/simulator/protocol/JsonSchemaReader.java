package io.github.asynccookbook.simulator.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.asynccookbook.simulator.conversation.JsonShape;
import io.github.asynccookbook.simulator.conversation.JsonShape.Kind;
import io.github.asynccookbook.simulator.conversation.ResponseFormat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the JSON Schema subset that structured output accepts (Mistral's {@code json_schema.schema}, Gemini's
 * {@code responseJsonSchema}): {@code type} (a name or a list of names), {@code properties}, {@code required},
 * {@code items}, {@code enum}, {@code const}, {@code anyOf}/{@code oneOf}, {@code $ref} into {@code $defs} or
 * {@code definitions}, {@code minItems}/{@code maxItems}, {@code minimum}/{@code maximum}, {@code format}.
 * Annotations ({@code title}, {@code description}, {@code $schema}, {@code additionalProperties}, …) pass. Key
 * order is kept: the answer writes properties in the order the schema lists them.
 */
public final class JsonSchemaReader {

    /** A schema the API would refuse; {@code pointer} is the JSON pointer of the offending node. */
    public static final class SchemaProblem extends RuntimeException {
        private final String pointer;

        SchemaProblem(String pointer, String message) {
            super(message, null, false, false);
            this.pointer = pointer;
        }

        public String pointer() {
            return pointer.isEmpty() ? "/" : pointer;
        }
    }

    private static final int MAX_DEPTH = 64;

    private final Map<String, JsonShape> definitions = new HashMap<>();

    private JsonSchemaReader() {
    }

    /** @throws SchemaProblem when the schema is not an object, names an unknown type or an undefined {@code $ref} */
    public static ResponseFormat read(JsonNode schema) {
        var reader = new JsonSchemaReader();
        if (!schema.isObject()) {
            throw new SchemaProblem("", "the schema must be a JSON object");
        }
        for (String container : List.of("$defs", "definitions")) {
            JsonNode defs = schema.get(container);
            if (defs != null && defs.isObject()) {
                defs.properties().forEach(def -> reader.definitions.put(def.getKey(),
                        reader.shape(def.getValue(), "/" + container + "/" + escape(def.getKey()), 1)));
            }
        }
        JsonShape root = reader.shape(schema, "", 0);
        reader.checkReferences(root, "");
        reader.definitions.forEach((name, shape) -> reader.checkReferences(shape, "/$defs/" + escape(name)));
        return ResponseFormat.json(root, reader.definitions, schema.toString());
    }

    private JsonShape shape(JsonNode node, String at, int depth) {
        if (depth > MAX_DEPTH) {
            throw new SchemaProblem(at, "the schema is nested more than " + MAX_DEPTH + " levels deep");
        }
        if (node.isBoolean()) {
            return new JsonShape(List.of(), null, null, null, null, null, null, null, 0, null, null, null, null);
        }
        if (!node.isObject()) {
            throw new SchemaProblem(at, "a schema must be an object or a boolean, got " + node);
        }
        if (node.hasNonNull("$ref")) {
            return JsonShape.reference(node.get("$ref").asText());
        }
        List<Kind> kinds = kinds(node.get("type"), at + "/type");
        Map<String, JsonShape> properties = new LinkedHashMap<>();
        JsonNode props = node.get("properties");
        if (props != null) {
            if (!props.isObject()) {
                throw new SchemaProblem(at + "/properties", "'properties' must be an object");
            }
            props.properties().forEach(p -> properties.put(p.getKey(),
                    shape(p.getValue(), at + "/properties/" + escape(p.getKey()), depth + 1)));
        }
        List<String> required = strings(node.get("required"), at + "/required");
        JsonShape items = null;
        JsonNode itemsNode = node.get("items");
        if (itemsNode != null && !(itemsNode.isObject() && itemsNode.isEmpty())) {
            items = shape(itemsNode, at + "/items", depth + 1);
        }
        List<JsonNode> enumValues = new ArrayList<>();
        JsonNode enumNode = node.get("enum");
        if (enumNode != null) {
            if (!enumNode.isArray() || enumNode.isEmpty()) {
                throw new SchemaProblem(at + "/enum", "'enum' must be a non-empty array");
            }
            enumNode.forEach(enumValues::add);
        }
        if (node.has("const")) {
            enumValues = List.of(node.get("const"));
        }
        List<JsonShape> anyOf = new ArrayList<>();
        for (String keyword : List.of("anyOf", "oneOf", "allOf")) {
            JsonNode alternatives = node.get(keyword);
            if (alternatives == null) {
                continue;
            }
            if (!alternatives.isArray() || alternatives.isEmpty()) {
                throw new SchemaProblem(at + "/" + keyword, "'" + keyword + "' must be a non-empty array");
            }
            for (int i = 0; i < alternatives.size(); i++) {
                anyOf.add(shape(alternatives.get(i), at + "/" + keyword + "/" + i, depth + 1));
            }
        }
        return new JsonShape(kinds, text(node, "description"), text(node, "format"), properties, required,
                enumValues, items, anyOf, (int) Math.max(0, number(node, "minItems", 0)),
                node.has("maxItems") ? (int) number(node, "maxItems", Integer.MAX_VALUE) : null,
                node.has("minimum") ? number(node, "minimum", 0) : null,
                node.has("maximum") ? number(node, "maximum", 0) : null, null);
    }

    private static List<Kind> kinds(JsonNode type, String at) {
        if (type == null || type.isNull()) {
            return List.of();
        }
        var kinds = new ArrayList<Kind>();
        if (type.isArray()) {
            for (int i = 0; i < type.size(); i++) {
                kinds.add(kind(type.get(i), at + "/" + i));
            }
        } else {
            kinds.add(kind(type, at));
        }
        return kinds;
    }

    private static Kind kind(JsonNode name, String at) {
        if (name.isTextual()) {
            for (Kind kind : Kind.values()) {
                if (kind.name().toLowerCase(Locale.ROOT).equals(name.textValue())) {
                    return kind;
                }
            }
        }
        throw new SchemaProblem(at, name + " is not a valid type: expected one of \"object\", \"array\", \"string\","
                + " \"integer\", \"number\", \"boolean\", \"null\"");
    }

    private static List<String> strings(JsonNode node, String at) {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new SchemaProblem(at, "'required' must be an array of strings");
        }
        var values = new ArrayList<String>();
        for (JsonNode value : node) {
            if (!value.isTextual()) {
                throw new SchemaProblem(at, "'required' must be an array of strings");
            }
            values.add(value.textValue());
        }
        return values;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    private static double number(JsonNode node, String field, double otherwise) {
        JsonNode value = node.get(field);
        return value != null && value.isNumber() ? value.doubleValue() : otherwise;
    }

    private void checkReferences(JsonShape shape, String at) {
        if (shape.ref() != null) {
            String ref = shape.ref();
            int slash = ref.lastIndexOf('/');
            boolean local = ref.startsWith("#/$defs/") || ref.startsWith("#/definitions/");
            if (!local || !definitions.containsKey(ref.substring(slash + 1))) {
                throw new SchemaProblem(at + "/$ref", "cannot resolve reference " + ref);
            }
            return;
        }
        shape.properties().forEach((name, child) -> checkReferences(child, at + "/properties/" + escape(name)));
        if (shape.items() != null) {
            checkReferences(shape.items(), at + "/items");
        }
        for (int i = 0; i < shape.anyOf().size(); i++) {
            checkReferences(shape.anyOf().get(i), at + "/anyOf/" + i);
        }
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
