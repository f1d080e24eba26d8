package io.github.asynccookbook.simulator.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.asynccookbook.simulator.conversation.JsonShape;
import io.github.asynccookbook.simulator.conversation.JsonShape.Kind;
import io.github.asynccookbook.simulator.conversation.ResponseFormat;
import io.github.asynccookbook.simulator.protocol.ApiError;
import io.github.asynccookbook.simulator.protocol.JsonSchemaReader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static io.github.asynccookbook.simulator.gemini.ProtoJson.field;
import static io.github.asynccookbook.simulator.gemini.ProtoJson.invalid;

/**
 * Reads structured-output settings of {@code generationConfig}: {@code responseMimeType} with
 * {@code responseSchema} (Google's OpenAPI subset, checked with the API's own complaints) or
 * {@code responseJsonSchema} (plain JSON Schema). Without {@code propertyOrdering}, a {@code responseSchema}
 * object is answered with its properties in alphabetical order, as Google documents; a {@code responseJsonSchema}
 * keeps the order of its keys.
 */
final class ResponseSchemaParser {

    static final Set<String> SCHEMA_FIELDS = Set.of("type", "format", "title", "description", "nullable", "enum",
            "maxItems", "minItems", "properties", "required", "minProperties", "maxProperties", "minLength",
            "maxLength", "pattern", "example", "anyOf", "propertyOrdering", "default", "items", "minimum", "maximum");
    private static final Set<String> MIME_TYPES = Set.of("text/plain", "application/json", "application/xml",
            "application/yaml", "text/x.enum");
    private static final String SCHEMA = "type.googleapis.com/google.ai.generativelanguage.v1beta.Schema";
    private static final String TYPE = "type.googleapis.com/google.ai.generativelanguage.v1beta.Type";
    private static final String CONFIG = "generation_config";
    private static final String REQUEST = "* GenerateContentRequest.";

    private ResponseSchemaParser() {
    }

    /** The response format {@code generationConfig} asks for; {@link ResponseFormat#TEXT} when none. */
    static ResponseFormat parse(ObjectNode config) {
        if (config == null) {
            return ResponseFormat.TEXT;
        }
        String mime = ProtoJson.string(config, "responseMimeType", CONFIG);
        mime = mime == null || mime.isEmpty() ? "text/plain" : mime;
        if (!MIME_TYPES.contains(mime)) {
            throw invalid(REQUEST + CONFIG + ".response_mime_type: allowed mimetypes are `text/plain`, "
                    + "`application/json`, `application/xml`, `application/yaml` and `text/x.enum`.\n");
        }
        ObjectNode schema = ProtoJson.object(config, "responseSchema", CONFIG, SCHEMA);
        JsonNode jsonSchema = field(config, "responseJsonSchema");
        if (schema != null && jsonSchema != null) {
            throw invalid(REQUEST + CONFIG + ".response_json_schema: response_json_schema and response_schema "
                    + "cannot both be set.\n");
        }
        boolean structured = mime.equals("application/json") || mime.equals("text/x.enum");
        if ((schema != null || jsonSchema != null) && !structured) {
            String which = schema != null ? "response_schema" : "response_json_schema";
            throw invalid(REQUEST + CONFIG + "." + which + ": " + which + " is only supported with "
                    + "response_mime_type `application/json` or `text/x.enum`, got `" + mime + "`.\n");
        }
        if (!structured) {
            return ResponseFormat.TEXT;
        }
        ResponseFormat format = schema != null
                ? ResponseFormat.json(shape(schema, CONFIG + ".response_schema", CONFIG + ".response_schema"),
                Map.of(), schema.toString())
                : jsonSchema != null ? jsonSchema(jsonSchema) : ResponseFormat.anyJson();
        if (mime.equals("text/x.enum")) {
            JsonShape root = format.schema();
            if (root == null || root.enumValues().isEmpty() || !root.allows(Kind.STRING)) {
                throw invalid(REQUEST + CONFIG + ".response_schema: `text/x.enum` needs a STRING schema with "
                        + "`enum` values.\n");
            }
            return ResponseFormat.enumeration(root, format.source());
        }
        return format;
    }

    private static ResponseFormat jsonSchema(JsonNode schema) {
        try {
            return JsonSchemaReader.read(schema);
        } catch (JsonSchemaReader.SchemaProblem problem) {
            throw invalid(REQUEST + CONFIG + ".response_json_schema: " + problem.getMessage() + " (at "
                    + problem.pointer() + ").\n");
        }
    }

    /**
     * @param protoPath the path in Google's payload spelling ({@code properties[0].value}), for payload errors
     * @param path      the path in its validation spelling ({@code properties["title"]}), for "* ..." errors
     */
    private static JsonShape shape(ObjectNode node, String protoPath, String path) {
        ProtoJson.rejectUnknown(node, protoPath, SCHEMA_FIELDS);
        List<Kind> kinds = new ArrayList<>();
        String type = ProtoJson.string(node, "type", protoPath);
        ArrayNode anyOfNodes = ProtoJson.array(node, "anyOf", protoPath, SCHEMA);
        if (type == null || type.equalsIgnoreCase("TYPE_UNSPECIFIED")) {
            if (anyOfNodes.isEmpty()) {
                throw invalid(REQUEST + path + ".type: must be specified when not using one_of or any_of\n");
            }
        } else {
            kinds.add(kind(type, protoPath));
        }
        if (Boolean.TRUE.equals(bool(node, "nullable", protoPath)) && !kinds.contains(Kind.NULL)) {
            kinds.add(Kind.NULL);
        }
        ObjectNode propertyNodes = ProtoJson.object(node, "properties", protoPath, SCHEMA);
        boolean object = kinds.contains(Kind.OBJECT);
        if (propertyNodes != null && !propertyNodes.isEmpty() && !object) {
            throw invalid(REQUEST + path + ".properties: only allowed for OBJECT type\n");
        }
        if (object && (propertyNodes == null || propertyNodes.isEmpty())) {
            throw invalid(REQUEST + path + ".properties: should be non-empty for OBJECT type\n");
        }
        Map<String, JsonShape> declared = new LinkedHashMap<>();
        if (propertyNodes != null) {
            int index = 0;
            for (var property : propertyNodes.properties()) {
                String entry = protoPath + ".properties[" + index++ + "].value";
                declared.put(property.getKey(), shape(ProtoJson.element(property.getValue(), entry, SCHEMA), entry,
                        path + ".properties[\"" + property.getKey() + "\"]"));
            }
        }
        List<String> required = strings(node, "required", protoPath);
        for (int i = 0; i < required.size(); i++) {
            if (!declared.containsKey(required.get(i))) {
                throw invalid(REQUEST + path + ".required[" + i + "]: property is not defined\n");
            }
        }
        List<String> ordering = strings(node, "propertyOrdering", protoPath);
        for (int i = 0; i < ordering.size(); i++) {
            if (!declared.containsKey(ordering.get(i))) {
                throw invalid(REQUEST + path + ".property_ordering[" + i + "]: property is not defined\n");
            }
        }
        List<JsonNode> enumValues = new ArrayList<>();
        ProtoJson.array(node, "enum", protoPath, "TYPE_STRING").forEach(enumValues::add);
        if (!enumValues.isEmpty() && !kinds.contains(Kind.STRING)) {
            throw invalid(REQUEST + path + ".enum: only allowed for STRING type\n");
        }
        String format = ProtoJson.string(node, "format", protoPath);
        if (format != null && !format.isEmpty() && kinds.contains(Kind.STRING)
                && !format.equals("enum") && !format.equals("date-time")) {
            throw invalid(REQUEST + path + ".format: only 'enum' and 'date-time' are supported for STRING type\n");
        }
        ObjectNode itemsNode = ProtoJson.object(node, "items", protoPath, SCHEMA);
        if (kinds.contains(Kind.ARRAY) && itemsNode == null) {
            throw invalid(REQUEST + path + ".items: missing field.\n");
        }
        JsonShape items = itemsNode == null ? null
                : shape(itemsNode, protoPath + ".items", path + ".items");
        List<JsonShape> anyOf = new ArrayList<>();
        for (int i = 0; i < anyOfNodes.size(); i++) {
            String at = protoPath + ".any_of[" + i + "]";
            anyOf.add(shape(ProtoJson.element(anyOfNodes.get(i), at, SCHEMA), at, path + ".any_of[" + i + "]"));
        }
        Integer minItems = ProtoJson.int32(node, "minItems", protoPath);
        Integer maxItems = ProtoJson.int32(node, "maxItems", protoPath);
        return new JsonShape(kinds, ProtoJson.string(node, "description", protoPath), format,
                ordered(declared, ordering), required, enumValues, items, anyOf, minItems == null ? 0 : minItems,
                maxItems, number(node, "minimum", protoPath), number(node, "maximum", protoPath), null);
    }

    /** The ordering the client gave, then the rest alphabetically (Google's default order). */
    private static Map<String, JsonShape> ordered(Map<String, JsonShape> declared, List<String> ordering) {
        var result = new LinkedHashMap<String, JsonShape>();
        ordering.forEach(name -> result.put(name, declared.get(name)));
        new TreeMap<>(declared).forEach(result::putIfAbsent);
        return result;
    }

    /** {@code STRING} or {@code string}: LangChain4j sends the lower-case names, which the API accepts. */
    private static Kind kind(String type, String path) {
        try {
            return Kind.valueOf(type.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("Invalid value at '" + ProtoJson.child(path, "type") + "' (" + TYPE + "), \"" + type + "\"");
        }
    }

    private static List<String> strings(ObjectNode node, String name, String path) {
        var values = new ArrayList<String>();
        ArrayNode array = ProtoJson.array(node, name, path, "TYPE_STRING");
        for (int i = 0; i < array.size(); i++) {
            JsonNode value = array.get(i);
            if (!value.isTextual()) {
                throw invalid("Invalid value at '" + ProtoJson.child(path, name) + "[" + i + "]' (TYPE_STRING), "
                        + value);
            }
            values.add(value.textValue());
        }
        return values;
    }

    private static Boolean bool(ObjectNode node, String name, String path) {
        JsonNode value = field(node, name);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            throw invalid("Invalid value at '" + ProtoJson.child(path, name) + "' (TYPE_BOOL), " + value);
        }
        return value.booleanValue();
    }

    private static Double number(ObjectNode node, String name, String path) {
        JsonNode value = field(node, name);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            throw invalid("Invalid value at '" + ProtoJson.child(path, name) + "' (TYPE_DOUBLE), " + value);
        }
        return value.doubleValue();
    }
}
