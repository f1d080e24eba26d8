package io.github.asynccookbook.simulator.mistral;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.asynccookbook.simulator.protocol.ApiError;
import io.github.asynccookbook.simulator.protocol.HttpReply;

/**
 * Mistral's error answers, all {@code application/json} (the TS SDK rejects anything else): the gateway's bare
 * {@code {"detail":…}} for auth, unknown routes and bodies over the size limit, pydantic's 422 for schema
 * violations, and the {@code {"object":"error",…,"raw_status_code":…}} envelope for everything the API itself refuses, an unknown model
 * included: that is a 400 {@code invalid_model}, not a 404.
 */
final class ErrorReplies {

    private static final String UNAUTHORIZED = "{\"detail\":\"Unauthorized\"}";
    private static final String NOT_FOUND = "{\"detail\":\"Not Found\"}";
    private static final String TOO_LARGE = "{\"detail\":\"Request Entity Too Large\"}";

    private ErrorReplies() {
    }

    static HttpReply of(ApiError error) {
        return switch (error.kind()) {
            case MISSING_KEY, INVALID_KEY -> HttpReply.json(401, UNAUTHORIZED);
            case MODEL_NOT_FOUND -> envelopeReply(400, "Invalid model: " + error.detail(), "invalid_model", "1500");
            case UNKNOWN_FIELD -> HttpReply.json(422, validationBody(Json.compact(Validation.extraForbidden(error.detail()))));
            case INVALID_REQUEST -> invalidRequest(error.detail());
            case RATE_LIMITED -> envelopeReply(429, "Rate limit exceeded", "rate_limited", "1300");
            case INTERNAL -> envelopeReply(500, "Internal server error", "internal_server_error", null);
            case OVERLOADED -> envelopeReply(503, "Service unavailable", "service_unavailable", null);
            case NOT_FOUND -> HttpReply.json(404, NOT_FOUND);
            case REQUEST_TOO_LARGE -> HttpReply.json(413, TOO_LARGE);
        };
    }

    /**
     * {@code {"object":"error","message":…,"type":…,"param":null,"code":…,"raw_status_code":…}}; {@code code} may be
     * null. The API repeats the HTTP status at the end of the body.
     */
    static String envelope(int status, String message, String type, String code) {
        ObjectNode body = Json.object();
        body.put("object", "error");
        body.put("message", message);
        body.put("type", type);
        body.putNull("param");
        body.put("code", code);
        body.put("raw_status_code", status);
        return Json.compact(body);
    }

    private static HttpReply envelopeReply(int status, String message, String type, String code) {
        return HttpReply.json(status, envelope(status, message, type, code));
    }

    /**
     * A detail made by {@link Validation} is pydantic's array (422); one made for the message order is a whole
     * envelope (400); any other text is wrapped in a generic 400 envelope.
     */
    private static HttpReply invalidRequest(String detail) {
        if (detail == null) {
            return envelopeReply(400, "Invalid request", "invalid_request_error", null);
        }
        if (detail.startsWith("[")) {
            return HttpReply.json(422, validationBody(detail));
        }
        if (detail.startsWith("{")) {
            return HttpReply.json(400, detail);
        }
        return envelopeReply(400, detail, "invalid_request_error", null);
    }

    private static String validationBody(String detailArray) {
        return "{\"detail\":" + detailArray + "}";
    }
}
