package io.github.asynccookbook.simulator.mistral;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.asynccookbook.simulator.conversation.ResponseFormat;
import io.github.asynccookbook.simulator.protocol.ApiError;
import io.github.asynccookbook.simulator.protocol.JsonSchemaReader;

import java.util.Set;

/**
 * Reads {@code response_format}: {@code {"type": "text"}}, {@code {"type": "json_object"}} or
 * {@code {"type": "json_schema", "json_schema": {"name", "description", "schema", "strict"}}}. Shape errors are
 * pydantic's 422 like every other field; a schema the model cannot follow (an unknown type, a {@code $ref} to
 * nothing) is a 400 {@code invalid_request_error}.
 */
final class ResponseFormatReader {

    private static final Loc FORMAT = Loc.BODY.with("response_format");
    private static final Set<String> FORMAT_FIELDS = Set.of("type", "json_schema");
    private static final Set<String> JSON_SCHEMA_FIELDS = Set.of("name", "description", "schema", "strict");

    private ResponseFormatReader() {
    }

    /** The requested format, or null when a problem was recorded in {@code validation}. */
    static ResponseFormat read(JsonNode root, Validation validation) {
        JsonNode format = root.get("response_format");
        if (format == null || format.isNull()) {
            return ResponseFormat.TEXT;
        }
        if (!validation.isObject(format, FORMAT)) {
            return null;
        }
        validation.rejectExtraFields(format, FORMAT_FIELDS, FORMAT);
        String type = validation.string(format, "type", FORMAT, false);
        JsonNode jsonSchema = format.get("json_schema");
        Loc schemaLoc = FORMAT.with("json_schema");
        JsonNode schema = null;
        if (jsonSchema != null && !jsonSchema.isNull() && validation.isObject(jsonSchema, schemaLoc)) {
            validation.rejectExtraFields(jsonSchema, JSON_SCHEMA_FIELDS, schemaLoc);
            validation.string(jsonSchema, "name", schemaLoc, true);
            validation.string(jsonSchema, "description", schemaLoc, false);
            validation.bool(jsonSchema, "strict", schemaLoc);
            schema = jsonSchema.get("schema");
            if (schema == null || schema.isNull()) {
                validation.missing(schemaLoc.with("schema"));
            } else if (!schema.isObject()) {
                validation.invalid("dict_type", schemaLoc.with("schema"), "Input should be a valid dictionary");
            }
        }
        if (type == null) {
            return ResponseFormat.TEXT;
        }
        return switch (type) {
            case "text" -> ResponseFormat.TEXT;
            case "json_object" -> ResponseFormat.anyJson();
            case "json_schema" -> jsonSchema == null || jsonSchema.isNull()
                    ? refuse("response_format.json_schema is required when response_format.type is 'json_schema'")
                    : validation.hasProblems() ? null : schema(schema);
            default -> {
                validation.invalid("enum", FORMAT.with("type"), "Input should be 'text', 'json_object' or 'json_schema'");
                yield null;
            }
        };
    }

    private static ResponseFormat schema(JsonNode schema) {
        try {
            return JsonSchemaReader.read(schema);
        } catch (JsonSchemaReader.SchemaProblem problem) {
            return refuse("Invalid JSON schema in response_format.json_schema.schema at " + problem.pointer() + ": "
                    + problem.getMessage());
        }
    }

    private static ResponseFormat refuse(String message) {
        throw ApiError.of(ApiError.Kind.INVALID_REQUEST, message);
    }
}
