package io.github.asynccookbook.harness;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import io.github.asynccookbook.providers.ApiKey;
import io.github.asynccookbook.providers.ProviderConfigException;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * The one error policy of every main: a known failure (a setting, the network, the key, the quota, the model)
 * becomes one line that says what to do; anything else one line and "run with --verbose for details". Every line
 * is cut to one line and has every configured API key masked, so it can be printed, logged or written to a file.
 */
public final class Failures {

    private static final int MAX_DETAIL = 240;

    /** What to print for a failure, and the exit status: 2 for a setting to fix, 1 otherwise. */
    public record Failure(String line, int exitCode) {
    }

    private Failures() {
    }

    public static Failure describe(Throwable error) {
        if (find(error, ProviderConfigException.class).isPresent()) {
            return new Failure(scrub(find(error, ProviderConfigException.class).get().getMessage()), 2);
        }
        if (find(error, AllRequestsFailedException.class).isPresent()) {
            return new Failure(scrub(find(error, AllRequestsFailedException.class).get().getMessage()), 1);
        }
        return new Failure(known(error).orElseGet(() -> "error: " + oneLine(error)
                + " (run with " + ChapterCli.VERBOSE + " for details)"), 1);
    }

    private static Optional<String> known(Throwable error) {
        if (find(error, AuthenticationException.class).isPresent()) {
            return Optional.of("the provider refused the API key (HTTP 401/403): check GOOGLE_API_KEY or "
                    + "MISTRAL_API_KEY in .env, or remove it to use the simulator");
        }
        if (find(error, RateLimitException.class).isPresent()) {
            return Optional.of("the provider's rate limit refused the request (HTTP 429): wait, lower "
                    + "--max-concurrency, or use the simulator");
        }
        if (find(error, ModelNotFoundException.class).isPresent()) {
            return Optional.of("the provider does not know the model (HTTP 404): check GEMINI_MODEL or MISTRAL_MODEL");
        }
        if (find(error, UnresolvedModelServerException.class).isPresent() || find(error, UnknownHostException.class)
                .isPresent() || find(error, UnresolvedAddressException.class).isPresent()
                || find(error, ConnectException.class).isPresent()
                || find(error, HttpConnectTimeoutException.class).isPresent()) {
            return Optional.of("cannot reach the provider (no network, or a wrong GEMINI_BASE_URL / MISTRAL_BASE_URL): "
                    + "check the connection, or set LLM_MODE=simulator");
        }
        if (find(error, TimeoutException.class).isPresent()
                || find(error, dev.langchain4j.exception.TimeoutException.class).isPresent()) {
            return Optional.of("the provider did not answer in time: raise --timeout or try again later");
        }
        if (find(error, InvalidRequestException.class).isPresent()) {
            return Optional.of("the provider rejected the request (HTTP 400): "
                    + detail(find(error, InvalidRequestException.class).get()));
        }
        if (find(error, InternalServerException.class).isPresent()) {
            return Optional.of("the provider failed (HTTP 5xx): try again later ("
                    + detail(find(error, InternalServerException.class).get()) + ")");
        }
        if (error instanceof IOException io) { // thrown by a main itself: its result files
            return Optional.of("cannot write the results: " + detail(io));
        }
        return Optional.empty();
    }

    /** {@code SimpleClassName: first line of the message}, keys masked, cut short: for tables and CSV columns. */
    public static String oneLine(Throwable error) {
        return error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + detail(error));
    }

    /**
     * The message on one line (every run of whitespace one space: a provider's error body is often pretty-printed
     * JSON, whose first line is a lone brace), keys masked, at most {@value #MAX_DETAIL} characters.
     */
    private static String detail(Throwable error) {
        String message = error.getMessage() == null ? "" : scrub(error.getMessage()).strip();
        String line = message.replaceAll("\\s+", " ");
        return line.length() <= MAX_DETAIL ? line : line.substring(0, MAX_DETAIL - 3) + "...";
    }

    /** The text with every configured API key masked. */
    public static String scrub(String text) {
        return ApiKey.scrub(text);
    }

    /** The stack trace, causes included, with every configured API key masked. */
    public static String stackTrace(Throwable error) {
        var trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return scrub(trace.toString());
    }

    private static <T extends Throwable> Optional<T> find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }
}
