package io.github.asynccookbook.simulator.gemini;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.asynccookbook.simulator.protocol.ApiError;
import io.github.asynccookbook.simulator.protocol.HttpReply;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders failures in Google's envelope, {@code {"error": {"code", "message", "status", "details"}}}, with the real
 * API's statuses and wording. A 429 carries its retry delay only in {@code RetryInfo} and the message, never in a
 * {@code Retry-After} header, exactly like Gemini.
 */
final class ErrorWriter {

    private static final String TYPE = "type.googleapis.com/google.rpc.";
    private static final String RATE_LIMITS_DOCS = "https://ai.google.dev/gemini-api/docs/rate-limits";
    private static final Pattern FIELD = Pattern.compile(" at '([^']+)'");

    private ErrorWriter() {
    }

    static HttpReply render(ApiError error, String apiVersion) {
        return switch (error.kind()) {
            case MISSING_KEY -> envelope(403, "PERMISSION_DENIED", "Method doesn't allow unregistered callers (callers "
                    + "without established identity). Please use API Key or other form of API consumer identity to call this API.");
            case INVALID_KEY -> invalidKey();
            case MODEL_NOT_FOUND -> envelope(404, "NOT_FOUND", "models/" + error.detail() + " is not found for API version "
                    + (apiVersion == null ? "v1beta" : apiVersion) + ", or is not supported for generateContent. "
                    + "Call ListModels to see the list of available models and their supported methods.");
            case UNKNOWN_FIELD -> unknownField(error.detail());
            case INVALID_REQUEST -> invalidRequest(error.detail());
            case RATE_LIMITED -> rateLimited(error);
            case INTERNAL -> envelope(500, "INTERNAL", "An internal error has occurred. Please retry or report in "
                    + "https://developers.generativeai.google/guide/troubleshooting");
            case OVERLOADED -> envelope(503, "UNAVAILABLE", "This model is currently experiencing high demand. "
                    + "Spikes in demand are usually temporary. Please try again later.");
            case NOT_FOUND -> envelope(404, "NOT_FOUND", "Method not found.");
            case REQUEST_TOO_LARGE -> envelope(400, "INVALID_ARGUMENT",
                    "Request payload size exceeds the limit: " + error.limit() + " bytes.");
        };
    }

    private static HttpReply invalidKey() {
        String message = "API key not valid. Please pass a valid API key.";
        ObjectNode body = GoogleJson.object();
        ArrayNode details = error(body, 400, "INVALID_ARGUMENT", message).putArray("details");
        ObjectNode info = detail(details, "ErrorInfo").put("reason", "API_KEY_INVALID").put("domain", "googleapis.com");
        info.putObject("metadata").put("service", "generativelanguage.googleapis.com");
        detail(details, "LocalizedMessage").put("locale", "en-US").put("message", message);
        return GeminiHttp.json(400, body);
    }

    /** {@code detail} is the path: {@code foo} at the top, {@code generation_config.foo} below it. */
    private static HttpReply unknownField(String path) {
        int dot = path.lastIndexOf('.');
        String name = path.substring(dot + 1);
        String at = dot < 0 ? "" : " at '" + path.substring(0, dot) + "'";
        return invalidRequest("Invalid JSON payload received. Unknown name \"" + name + "\"" + at + ": Cannot find field.");
    }

    /** Payload errors come with a {@code BadRequest} naming the field; semantic ones ("* ...") do not. */
    private static HttpReply invalidRequest(String message) {
        ObjectNode body = GoogleJson.object();
        ObjectNode error = error(body, 400, "INVALID_ARGUMENT", message);
        if (message.startsWith("Invalid JSON payload received.") || message.startsWith("Invalid value at")) {
            ObjectNode violation = detail(error.putArray("details"), "BadRequest").putArray("fieldViolations").addObject();
            Matcher field = FIELD.matcher(message.lines().findFirst().orElse(""));
            if (field.find()) {
                violation.put("field", field.group(1));
            }
            violation.put("description", message);
        }
        return GeminiHttp.json(400, body);
    }

    private static HttpReply rateLimited(ApiError error) {
        String metric = "generativelanguage.googleapis.com/" + switch (error.quota()) {
            case TOKENS_PER_MINUTE -> "generate_content_free_tier_input_token_count";
            case REQUESTS_PER_WINDOW, REQUESTS_PER_DAY -> "generate_content_free_tier_requests";
        };
        String quotaId = switch (error.quota()) {
            case REQUESTS_PER_WINDOW -> "GenerateRequestsPerMinutePerProjectPerModel-FreeTier";
            case TOKENS_PER_MINUTE -> "GenerateContentInputTokensPerModelPerMinute-FreeTier";
            case REQUESTS_PER_DAY -> "GenerateRequestsPerDayPerProjectPerModel-FreeTier";
        };
        Duration delay = error.retryDelay();
        String message = "You exceeded your current quota, please check your plan and billing details. For more "
                + "information on this error, head to: " + RATE_LIMITS_DOCS + ". To monitor your current usage, head to: "
                + "https://ai.dev/rate-limit. \n* Quota exceeded for metric: " + metric + ", limit: " + error.limit()
                + ", model: " + error.model() + (delay == null ? "" : "\nPlease retry in " + seconds(delay) + "s.");

        ObjectNode body = GoogleJson.object();
        ArrayNode details = error(body, 429, "RESOURCE_EXHAUSTED", message).putArray("details");
        detail(details, "Help").putArray("links").addObject()
                .put("description", "Learn more about Gemini API quotas").put("url", RATE_LIMITS_DOCS);
        ObjectNode violation = detail(details, "QuotaFailure").putArray("violations").addObject()
                .put("quotaMetric", metric).put("quotaId", quotaId);
        violation.putObject("quotaDimensions").put("location", "global").put("model", error.model());
        violation.put("quotaValue", Long.toString(error.limit()));
        if (delay != null) {
            detail(details, "RetryInfo").put("retryDelay", protobufDuration(delay));
        }
        return GeminiHttp.json(429, body);
    }

    private static HttpReply envelope(int code, String status, String message) {
        ObjectNode body = GoogleJson.object();
        error(body, code, status, message);
        return GeminiHttp.json(code, body);
    }

    private static ObjectNode error(ObjectNode body, int code, String status, String message) {
        return body.putObject("error").put("code", code).put("message", message).put("status", status);
    }

    private static ObjectNode detail(ArrayNode details, String type) {
        return details.addObject().put("@type", TYPE + type);
    }

    /** Seconds with as many decimals as needed: {@code 17}, {@code 0.342}, {@code 17.267350915}. */
    private static String seconds(Duration delay) {
        return BigDecimal.valueOf(delay.getSeconds()).add(BigDecimal.valueOf(delay.getNano(), 9))
                .stripTrailingZeros().toPlainString();
    }

    /** The protobuf JSON form of a Duration: 0, 3, 6 or 9 fractional digits, then {@code s}. */
    static String protobufDuration(Duration delay) {
        int nanos = delay.getNano();
        if (nanos == 0) {
            return delay.getSeconds() + "s";
        }
        int digits = nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
        String fraction = String.format("%09d", nanos).substring(0, digits);
        return delay.getSeconds() + "." + fraction + "s";
    }
}
