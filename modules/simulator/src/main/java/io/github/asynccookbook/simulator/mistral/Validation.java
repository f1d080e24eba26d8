package io.github.asynccookbook.simulator.mistral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.asynccookbook.simulator.protocol.ApiError;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Checks a request field by field and reports every problem at once, as Mistral's pydantic front end does:
 * 422 {@code {"detail":[{"type":…,"loc":[…],"msg":…}]}} (the echoed {@code input} is left out).
 *
 * <p>Only unknown fields become {@link ApiError.Kind#UNKNOWN_FIELD} (detail: their paths, comma-separated);
 * anything else becomes {@link ApiError.Kind#INVALID_REQUEST} whose detail is the {@code detail} array itself,
 * so {@link ErrorReplies} can print it back verbatim.
 */
final class Validation {

    static final String EXTRA_FORBIDDEN = "extra_forbidden";
    private static final String PATH_SEPARATOR = ", ";

    /** @param ctx pydantic's context for a constraint ({@code {"ge": 0}}), or null */
    record Problem(String type, Loc loc, String msg, ObjectNode ctx) {

        Problem(String type, Loc loc, String msg) {
            this(type, loc, msg, null);
        }

        ObjectNode toJson() {
            ObjectNode item = Json.object();
            item.put("type", type);
            item.set("loc", loc.toJson());
            item.put("msg", msg);
            if (ctx != null) {
                item.set("ctx", ctx);
            }
            return item;
        }
    }

    private final List<Problem> problems = new ArrayList<>();

    /** A body that is not JSON at all; FastAPI reports the character offset. */
    static ApiError jsonInvalid(long offset) {
        var problem = new Problem("json_invalid", Loc.BODY.with((int) Math.max(0, offset)), "JSON decode error");
        return ApiError.of(ApiError.Kind.INVALID_REQUEST, detail(List.of(problem)));
    }

    /** An empty body. */
    static ApiError bodyMissing() {
        return ApiError.of(ApiError.Kind.INVALID_REQUEST, detail(List.of(new Problem("missing", Loc.BODY, "Field required"))));
    }

    void rejectExtraFields(JsonNode object, Set<String> known, Loc loc) {
        object.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                problems.add(new Problem(EXTRA_FORBIDDEN, loc.with(name), "Extra inputs are not permitted"));
            }
        });
    }

    void missing(Loc loc) {
        invalid("missing", loc, "Field required");
    }

    void invalid(String type, Loc loc, String msg) {
        problems.add(new Problem(type, loc, msg));
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** A string field; null when absent, JSON null or not a string (the latter two recorded when required). */
    String string(JsonNode parent, String field, Loc loc, boolean required) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                missing(loc.with(field));
            }
            return null;
        }
        if (!node.isTextual()) {
            invalid("string_type", loc.with(field), "Input should be a valid string");
            return null;
        }
        return node.textValue();
    }

    /** An optional, nullable integer field; whole floats pass, as in pydantic's lax mode. */
    Long integer(JsonNode parent, String field, Loc loc) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber() || !node.canConvertToExactIntegral() || !node.canConvertToLong()) {
            invalid("int_type", loc.with(field), "Input should be a valid integer");
            return null;
        }
        return node.asLong();
    }

    /** An optional, nullable integer field of at least {@code min} (pydantic's {@code ge}). */
    Long integerAtLeast(JsonNode parent, String field, Loc loc, long min) {
        Long value = integer(parent, field, loc);
        if (value != null && value < min) {
            ObjectNode ctx = Json.object();
            ctx.put("ge", min);
            problems.add(new Problem("greater_than_equal", loc.with(field),
                    "Input should be greater than or equal to " + min, ctx));
            return null;
        }
        return value;
    }

    /** An optional boolean field, false when absent or null. */
    boolean bool(JsonNode parent, String field, Loc loc) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            invalid("bool_type", loc.with(field), "Input should be a valid boolean");
            return false;
        }
        return node.booleanValue();
    }

    /** A list field; null when absent, JSON null (recorded when required) or not a list. */
    JsonNode list(JsonNode parent, String field, Loc loc, boolean required) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                missing(loc.with(field));
            }
            return null;
        }
        if (!node.isArray()) {
            invalid("list_type", loc.with(field), "Input should be a valid list");
            return null;
        }
        return node;
    }

    /** Whether {@code node} is an object, recording the problem when it is not. */
    boolean isObject(JsonNode node, Loc loc) {
        if (node.isObject()) {
            return true;
        }
        invalid("model_attributes_type", loc, "Input should be a valid dictionary or object to extract fields from");
        return false;
    }

    void throwIfAny() {
        if (problems.isEmpty()) {
            return;
        }
        if (problems.stream().allMatch(p -> p.type().equals(EXTRA_FORBIDDEN))) {
            throw ApiError.of(ApiError.Kind.UNKNOWN_FIELD,
                    String.join(PATH_SEPARATOR, problems.stream().map(p -> p.loc().path()).toList()));
        }
        throw ApiError.of(ApiError.Kind.INVALID_REQUEST, detail(problems));
    }

    /** The 422 detail array for an {@link ApiError.Kind#UNKNOWN_FIELD} detail, i.e. its comma-separated paths. */
    static ArrayNode extraForbidden(String paths) {
        ArrayNode detail = Json.MAPPER.createArrayNode();
        Arrays.stream(paths.split(PATH_SEPARATOR))
                .map(path -> new Problem(EXTRA_FORBIDDEN, Loc.ofPath(path), "Extra inputs are not permitted"))
                .forEach(problem -> detail.add(problem.toJson()));
        return detail;
    }

    private static String detail(List<Problem> problems) {
        ArrayNode detail = Json.MAPPER.createArrayNode();
        problems.forEach(problem -> detail.add(problem.toJson()));
        return Json.compact(detail);
    }
}
