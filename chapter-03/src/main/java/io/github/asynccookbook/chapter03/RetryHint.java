package io.github.asynccookbook.chapter03;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.exception.HttpException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads how long the provider asked us to wait from a LangChain4j rate-limit error. LangChain4j 1.18 keeps only the
 * raw response body (as the message of the {@link HttpException} cause) and drops the response headers, so:
 * Gemini's body carries {@code RetryInfo.retryDelay} ("17s", "0.342s"), Mistral's carries nothing (its
 * {@code x-ratelimit-*} headers never reach the exception).
 */
public final class RetryHint {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RETRY_INFO = "type.googleapis.com/google.rpc.RetryInfo";

    private RetryHint() {
    }

    /** The delay the provider asked for, or empty when the error carries none. */
    // tag::hint[]
    public static Optional<Duration> of(Throwable error) {
        String body = rawBody(error);
        if (body == null || !body.contains(RETRY_INFO)) {
            return Optional.empty();
        }
        try {
            for (JsonNode detail : JSON.readTree(body).path("error").path("details")) {
                if (RETRY_INFO.equals(detail.path("@type").asText())) {
                    return Optional.of(protobufDuration(detail.path("retryDelay").asText()));
                }
            }
        } catch (JsonProcessingException | IllegalArgumentException notTheBodyWeKnow) {
            return Optional.empty();
        }
        return Optional.empty();
    }
    // end::hint[]

    /** The body as LangChain4j kept it: the {@link HttpException} cause's message, else the error's own message. */
    private static String rawBody(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof HttpException http) {
                return http.getMessage();
            }
        }
        return error.getMessage();
    }

    /** Protobuf's JSON Duration: seconds with up to nine decimals and an {@code s}, e.g. {@code 45.837906927s}. */
    static Duration protobufDuration(String text) {
        if (!text.endsWith("s")) {
            throw new IllegalArgumentException("not a protobuf duration: '" + text + "'");
        }
        BigDecimal seconds = new BigDecimal(text.substring(0, text.length() - 1));
        return Duration.ofNanos(seconds.movePointRight(9).setScale(0, RoundingMode.CEILING).longValueExact());
    }
}
