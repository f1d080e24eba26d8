package io.github.asynccookbook.chapter05;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RateLimitException;

/**
 * The short status a failed request is filed under, so errors are counted by kind as benchmark tools do: the HTTP
 * status when the provider answered, {@code timeout} when it did not in time, else the exception's name.
 */
final class Status {

    private static final int MAX_MESSAGE = 200;

    private Status() {
    }

    static String of(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof HttpException http) {
                return String.valueOf(http.statusCode());
            }
            if (t instanceof RateLimitException) {
                return "429";
            }
            if (t instanceof java.util.concurrent.TimeoutException
                    || t instanceof dev.langchain4j.exception.TimeoutException) {
                return "timeout";
            }
        }
        return rootCause(error).getClass().getSimpleName();
    }

    /** The root cause's message on one line, shortened: provider error bodies are pretty-printed JSON. */
    static String message(Throwable error) {
        Throwable root = rootCause(error);
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String oneLine = message.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_MESSAGE ? oneLine : oneLine.substring(0, MAX_MESSAGE) + "...";
    }

    private static Throwable rootCause(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
