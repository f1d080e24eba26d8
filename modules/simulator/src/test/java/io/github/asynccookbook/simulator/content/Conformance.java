package io.github.asynccookbook.simulator.content;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A test-side check that a JSON value conforms to a JSON Schema of the structured-output subset (type, properties,
 * required, enum, const, items, anyOf, $ref into $defs, minItems/maxItems, minimum/maximum). Written apart from the
 * simulator's own reader so the two cannot share a mistake. Returns the violations, empty when it conforms.
 */
public final class Conformance {

    private final JsonNode root;
    private final List<String> violations = new ArrayList<>();

    private Conformance(JsonNode root) {
        this.root = root;
    }

    public static List<String> check(JsonNode schema, JsonNode value) {
        var conformance = new Conformance(schema);
        conformance.check(schema, value, "$");
        return conformance.violations;
    }

    private void check(JsonNode schema, JsonNode value, String at) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            check(root.at(ref.substring(1)), value, at);
            return;
        }
        if (schema.has("anyOf")) {
            boolean any = false;
            for (JsonNode alternative : schema.get("anyOf")) {
                var probe = new Conformance(root);
                probe.check(alternative, value, at);
                any |= probe.violations.isEmpty();
            }
            if (!any) {
                violations.add(at + ": matches no anyOf alternative");
            }
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode option : schema.get("enum")) {
                listed |= option.equals(value);
            }
            if (!listed) {
                violations.add(at + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
            violations.add(at + ": " + value + " is not of type " + schema.get("type"));
            return;
        }
        if (value.isObject()) {
            for (JsonNode name : schema.path("required")) {
                if (!value.has(name.asText())) {
                    violations.add(at + ": required property " + name + " is missing");
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                var property = it.next();
                if (value.has(property.getKey())) {
                    check(property.getValue(), value.get(property.getKey()), at + "." + property.getKey());
                }
            }
        }
        if (value.isArray()) {
            if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
                violations.add(at + ": fewer than minItems");
            }
            if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
                violations.add(at + ": more than maxItems");
            }
            for (int i = 0; i < value.size() && schema.has("items"); i++) {
                check(schema.get("items"), value.get(i), at + "[" + i + "]");
            }
        }
        if (value.isNumber()) {
            if (schema.has("minimum") && value.doubleValue() < schema.get("minimum").doubleValue()) {
                violations.add(at + ": below minimum");
            }
            if (schema.has("maximum") && value.doubleValue() > schema.get("maximum").doubleValue()) {
                violations.add(at + ": above maximum");
            }
        }
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode option : type) {
                if (typeMatches(option, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText().toLowerCase(java.util.Locale.ROOT)) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> false;
        };
    }
}
