package io.github.asynccookbook.chapter05;

import io.github.asynccookbook.harness.Failures;

import java.time.Duration;
import java.util.Optional;

/**
 * One request of a benchmark run, as the client saw it: one row of the requests CSV. Times are
 * {@link System#nanoTime()} readings; the request starts when it leaves its slot (after waiting for a permit, before
 * the first attempt) and ends when its answer, or its final error, is back, retries included.
 *
 * @param iteration       1 for the first measured iteration; 0 for a warm-up request
 * @param firstTokenNanos first non-empty text chunk, streaming mode only
 * @param status          {@code ok}, an HTTP status such as {@code 429} or {@code 503}, or {@code timeout}
 * @param rateLimited     attempts refused with HTTP 429
 * @param retries         attempts made after the first one
 * @param failure         the final error, or null
 */
public record RequestResult(String provider, String model, Mode mode, int iteration, int index, String topic,
                            long startNanos, Long firstTokenNanos, long endNanos, int outputTokens, String status,
                            int rateLimited, int retries, Exception failure) {

    public static final String OK = "ok";

    public boolean ok() {
        return OK.equals(status);
    }

    /** End-to-end latency, retry waits included: what the caller waited. */
    public Duration latency() {
        return Duration.ofNanos(endNanos - startNanos);
    }

    /** The final error on one line with every configured API key masked, fit for a CSV column; null on success. */
    public String error() {
        return failure == null ? null : Failures.oneLine(failure);
    }

    /** Time to first token, retry waits included; empty unless streamed. */
    public Optional<Duration> ttft() {
        return Optional.ofNullable(firstTokenNanos).map(first -> Duration.ofNanos(first - startNanos));
    }
}
