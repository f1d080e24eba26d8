package io.github.asynccookbook.simulator.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.asynccookbook.simulator.protocol.ApiError;
import io.github.asynccookbook.simulator.protocol.ApiError.Kind;
import io.github.asynccookbook.simulator.protocol.ApiError.Quota;
import io.github.asynccookbook.simulator.protocol.HttpReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class GeminiErrorWritingTest {

    private final GeminiProtocol protocol = new GeminiProtocol();

    @ParameterizedTest
    @CsvSource({
            "MISSING_KEY, 403, PERMISSION_DENIED, Method doesn't allow unregistered callers",
            "INTERNAL, 500, INTERNAL, An internal error has occurred. Please retry or report in",
            "OVERLOADED, 503, UNAVAILABLE, This model is currently experiencing high demand.",
            "NOT_FOUND, 404, NOT_FOUND, Method not found."})
    void mapsEachKindToGooglesStatusAndWording(Kind kind, int code, String status, String messageStart) throws Exception {
        HttpReply reply = protocol.error(ApiError.of(kind, "/v1beta/nope"), "v1beta");
        JsonNode error = json(reply).get("error");

        assertThat(reply.status()).isEqualTo(code);
        assertThat(reply.contentType()).isEqualTo("application/json; charset=UTF-8");
        assertThat(error.get("code").intValue()).isEqualTo(code);
        assertThat(error.get("status").textValue()).isEqualTo(status);
        assertThat(error.get("message").textValue()).startsWith(messageStart);
        assertThat(error.has("details")).isFalse();
    }

    @Test
    void writesTheWrongKeyAnswerExactly() {
        assertThat(body(protocol.error(ApiError.of(Kind.INVALID_KEY, null), "v1beta"))).isEqualTo("""
                {
                  "error": {
                    "code": 400,
                    "message": "API key not valid. Please pass a valid API key.",
                    "status": "INVALID_ARGUMENT",
                    "details": [
                      {
                        "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                        "reason": "API_KEY_INVALID",
                        "domain": "googleapis.com",
                        "metadata": {
                          "service": "generativelanguage.googleapis.com"
                        }
                      },
                      {
                        "@type": "type.googleapis.com/google.rpc.LocalizedMessage",
                        "locale": "en-US",
                        "message": "API key not valid. Please pass a valid API key."
                      }
                    ]
                  }
                }
                """);
    }

    @Test
    void namesTheModelAndApiVersionWhenTheModelIsUnknown() throws Exception {
        HttpReply reply = protocol.error(ApiError.of(Kind.MODEL_NOT_FOUND, "gemini-foo"), "v1");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(json(reply).at("/error/message").textValue()).isEqualTo("models/gemini-foo is not found for API "
                + "version v1, or is not supported for generateContent. Call ListModels to see the list of available "
                + "models and their supported methods.");
    }

    @Test
    void reportsAnUnknownNameWithABadRequestDetail() throws Exception {
        JsonNode top = json(protocol.error(ApiError.of(Kind.UNKNOWN_FIELD, "foo"), "v1beta")).get("error");
        JsonNode nested = json(protocol.error(ApiError.of(Kind.UNKNOWN_FIELD, "generation_config.maxTokens"), "v1beta"))
                .get("error");

        assertThat(top.get("message").textValue())
                .isEqualTo("Invalid JSON payload received. Unknown name \"foo\": Cannot find field.");
        assertThat(top.at("/details/0/@type").textValue()).isEqualTo("type.googleapis.com/google.rpc.BadRequest");
        assertThat(top.at("/details/0/fieldViolations/0/field").isMissingNode()).isTrue();
        assertThat(nested.get("message").textValue()).isEqualTo(
                "Invalid JSON payload received. Unknown name \"maxTokens\" at 'generation_config': Cannot find field.");
        assertThat(nested.at("/details/0/fieldViolations/0/field").textValue()).isEqualTo("generation_config");
        assertThat(nested.at("/details/0/fieldViolations/0/description").textValue()).isEqualTo(nested.get("message").textValue());
    }

    @Test
    void keepsSemanticComplaintsWithoutDetails() throws Exception {
        HttpReply reply = protocol.error(ApiError.of(Kind.INVALID_REQUEST,
                "* GenerateContentRequest.contents: contents is not specified\n"), "v1beta");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(json(reply).get("error").has("details")).isFalse();
    }

    @Test
    void writesA429LikeTheFreeTierDoes() {
        var error = ApiError.rateLimited("gemini-2.5-flash", Quota.REQUESTS_PER_WINDOW, 10, Duration.ofSeconds(17));

        HttpReply reply = protocol.error(error, "v1beta");

        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.headers().keySet()).noneMatch(h -> h.equalsIgnoreCase("retry-after") || h.startsWith("x-ratelimit"));
        assertThat(body(reply)).isEqualTo("""
                {
                  "error": {
                    "code": 429,
                    "message": "You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits. To monitor your current usage, head to: https://ai.dev/rate-limit. \\n* Quota exceeded for metric: generativelanguage.googleapis.com/generate_content_free_tier_requests, limit: 10, model: gemini-2.5-flash\\nPlease retry in 17s.",
                    "status": "RESOURCE_EXHAUSTED",
                    "details": [
                      {
                        "@type": "type.googleapis.com/google.rpc.Help",
                        "links": [
                          {
                            "description": "Learn more about Gemini API quotas",
                            "url": "https://ai.google.dev/gemini-api/docs/rate-limits"
                          }
                        ]
                      },
                      {
                        "@type": "type.googleapis.com/google.rpc.QuotaFailure",
                        "violations": [
                          {
                            "quotaMetric": "generativelanguage.googleapis.com/generate_content_free_tier_requests",
                            "quotaId": "GenerateRequestsPerMinutePerProjectPerModel-FreeTier",
                            "quotaDimensions": {
                              "location": "global",
                              "model": "gemini-2.5-flash"
                            },
                            "quotaValue": "10"
                          }
                        ]
                      },
                      {
                        "@type": "type.googleapis.com/google.rpc.RetryInfo",
                        "retryDelay": "17s"
                      }
                    ]
                  }
                }
                """);
    }

    @ParameterizedTest
    @CsvSource({
            "TOKENS_PER_MINUTE, generate_content_free_tier_input_token_count, GenerateContentInputTokensPerModelPerMinute-FreeTier",
            "REQUESTS_PER_DAY, generate_content_free_tier_requests, GenerateRequestsPerDayPerProjectPerModel-FreeTier"})
    void namesTheQuotaThatWasHit(Quota quota, String metric, String quotaId) throws Exception {
        var error = ApiError.rateLimited("gemini-2.5-pro", quota, 250_000, Duration.ofMillis(342));

        JsonNode details = json(protocol.error(error, "v1beta")).at("/error/details");

        assertThat(details.at("/1/violations/0/quotaMetric").textValue()).isEqualTo("generativelanguage.googleapis.com/" + metric);
        assertThat(details.at("/1/violations/0/quotaId").textValue()).isEqualTo(quotaId);
        assertThat(details.at("/1/violations/0/quotaValue").textValue()).isEqualTo("250000");
        assertThat(details.at("/2/retryDelay").textValue()).isEqualTo("0.342s");
    }

    @Test
    void formatsRetryDelaysAsProtobufDurations() {
        assertThat(ErrorWriter.protobufDuration(Duration.ofSeconds(17))).isEqualTo("17s");
        assertThat(ErrorWriter.protobufDuration(Duration.ofMillis(45_837))).isEqualTo("45.837s");
        assertThat(ErrorWriter.protobufDuration(Duration.ofNanos(45_837_906_927L))).isEqualTo("45.837906927s");
        assertThat(ErrorWriter.protobufDuration(Duration.ofNanos(1_500L))).isEqualTo("0.000001500s");
        assertThat(ErrorWriter.protobufDuration(Duration.ofNanos(2_000L))).isEqualTo("0.000002s");
    }

    @Test
    void endsTheQuotaMessageWithTheExactDelay() throws Exception {
        var error = ApiError.rateLimited("gemini-2.5-flash", Quota.REQUESTS_PER_WINDOW, 5, Duration.ofNanos(17_267_350_915L));

        assertThat(json(protocol.error(error, "v1beta")).at("/error/message").textValue())
                .endsWith("model: gemini-2.5-flash\nPlease retry in 17.267350915s.");
    }

    private static JsonNode json(HttpReply reply) throws Exception {
        return GoogleJson.MAPPER.readTree(reply.body());
    }

    private static String body(HttpReply reply) {
        return new String(reply.body(), StandardCharsets.UTF_8);
    }
}
