package io.github.asynccookbook.recipes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RateLimitException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Retries a call that failed with HTTP 429, waiting as long as the provider asked ({@link #retryHint}) and backing
 * off exponentially when it did not say, with jitter on top so callers that were refused together do not return
 * together. A budget (attempts and total wait) bounds it; the counters say what the retries cost.
 *
 * <p>Unlike LangChain4j's built-in retry (0.5 s, then 0.75 s, whatever the provider said), it never comes back
 * before the hinted delay. Build one per provider, share it between threads, call it from virtual threads: it sleeps
 * on the caller's thread. Give the model {@code maxRetries(0)} so the two retries do not stack.
 *
 * <pre>{@code
 * var retry = RetryOnRateLimit.builder().waitWithoutHint(Duration.ofSeconds(1)).build();
 * String answer = retry.call(() -> model.chat("Hello"));
 * }</pre>
 *
 * One file: copy it into a project that has LangChain4j (Jackson comes with it), or depend on the recipes artifact.
 */
public final class RetryOnRateLimit {

    private final int maxAttempts;
    private final Duration maxTotalWait;
    private final Duration waitWithoutHint;
    private final Duration maxBackoff;
    private final double jitter;
    private final LongAdder retries = new LongAdder();
    private final LongAdder giveUps = new LongAdder();
    private final LongAdder waitedNanos = new LongAdder();

    private RetryOnRateLimit(Builder builder) {
        this.maxAttempts = builder.maxAttempts;
        this.maxTotalWait = builder.maxTotalWait;
        this.waitWithoutHint = builder.waitWithoutHint;
        this.maxBackoff = builder.maxBackoff;
        this.jitter = builder.jitter;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs {@code action}, retrying it after each {@link RateLimitException} (thrown, or the cause of what was
     * thrown, as when a future was joined) until it succeeds or the budget is spent; then the last failure is
     * thrown. Any other exception is thrown at once.
     */
    // tag::call[]
    public <T> T call(Callable<T> action) throws Exception {
        long waitedHere = 0;
        for (int attempt = 1; ; attempt++) {
            try {
                return action.call();
            } catch (Exception failure) {
                RateLimitException refused = rateLimitIn(failure).orElseThrow(() -> failure);
                Duration delay = delayBefore(attempt, retryHint(refused));
                if (attempt >= maxAttempts || waitedHere + delay.toNanos() > maxTotalWait.toNanos()) {
                    giveUps.increment();
                    throw failure;
                }
                retries.increment();
                TimeUnit.NANOSECONDS.sleep(delay.toNanos());
                waitedHere += delay.toNanos();
                waitedNanos.add(delay.toNanos());
            }
        }
    }

    /** The 429 behind a failure, also when a future wrapped it ({@code CompletionException}, {@code ExecutionException}). */
    private static Optional<RateLimitException> rateLimitIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RateLimitException refused) {
                return Optional.of(refused);
            }
        }
        return Optional.empty();
    }

    /** The provider's hint if it gave one, else exponential backoff; jitter is added, never subtracted. */
    Duration delayBefore(int attempt, Optional<Duration> hint) {
        Duration base = hint.orElseGet(() -> {
            Duration backoff = waitWithoutHint.multipliedBy(1L << Math.min(attempt - 1, 20));
            return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
        });
        return base.plusNanos((long) (base.toNanos() * jitter * ThreadLocalRandom.current().nextDouble()));
    }
    // end::call[]

    /** Retries made, all calls together. */
    public long retries() {
        return retries.sum();
    }

    /** Calls that ran out of budget and threw their last 429. */
    public long giveUps() {
        return giveUps.sum();
    }

    /** Total time slept between attempts, all calls together. */
    public Duration waited() {
        return Duration.ofNanos(waitedNanos.sum());
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RETRY_INFO = "type.googleapis.com/google.rpc.RetryInfo";

    /**
     * How long the provider asked us to wait, read from a LangChain4j rate-limit error, or empty when it did not
     * say. LangChain4j 1.18 keeps only the raw response body (as the message of the {@link HttpException} cause) and
     * drops the response headers, so: Gemini's body carries {@code RetryInfo.retryDelay} ("17s", "0.342s"),
     * Mistral's carries nothing (its {@code x-ratelimit-*} headers never reach the exception).
     */
    // tag::hint[]
    public static Optional<Duration> retryHint(Throwable error) {
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

    public static final class Builder {
        private int maxAttempts = 5;
        private Duration maxTotalWait = Duration.ofMinutes(2);
        private Duration waitWithoutHint = Duration.ofSeconds(1);
        private Duration maxBackoff = Duration.ofMinutes(1);
        private double jitter = 0.1;

        private Builder() {
        }

        /** Attempts per call, the first one included (default 5). */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be >= 1, got " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** The most one call may sleep in total before giving up (default 2 minutes). */
        public Builder maxTotalWait(Duration maxTotalWait) {
            this.maxTotalWait = notNegative(maxTotalWait, "maxTotalWait");
            return this;
        }

        /**
         * The first backoff when the provider gave no hint, doubled on each retry (default 1 s: Mistral counts
         * requests per second, so one window is the longest a per-second limit keeps a request out).
         */
        public Builder waitWithoutHint(Duration waitWithoutHint) {
            this.waitWithoutHint = notNegative(waitWithoutHint, "waitWithoutHint");
            return this;
        }

        /** The most one backoff may grow to (default 1 minute). */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = notNegative(maxBackoff, "maxBackoff");
            return this;
        }

        /** Up to this fraction is added at random to each delay (default 0.1): never subtracted. */
        public Builder jitter(double jitter) {
            if (!(jitter >= 0)) {
                throw new IllegalArgumentException("jitter must be >= 0, got " + jitter);
            }
            this.jitter = jitter;
            return this;
        }

        public RetryOnRateLimit build() {
            return new RetryOnRateLimit(this);
        }

        private static Duration notNegative(Duration duration, String name) {
            if (duration == null || duration.isNegative()) {
                throw new IllegalArgumentException(name + " must be a duration >= 0, got " + duration);
            }
            return duration;
        }
    }
}
