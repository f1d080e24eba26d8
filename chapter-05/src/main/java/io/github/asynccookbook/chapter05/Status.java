package io.github.asynccookbook.chapter05;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RateLimitException;
import reactor.core.Exceptions;

import java.lang.reflect.UndeclaredThrowableException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The short status a failed request is filed under, so errors are counted by kind as benchmark tools do: the HTTP
 * status when the provider answered, {@code timeout} when it did not in time, else the exception's name.
 */
final class Status {

    private Status() {
    }

    static String of(Exception error) {
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
        return unwrap(error).getClass().getSimpleName();
    }

    /**
     * The failure itself rather than what carried it across threads ({@link CompletionException},
     * {@link ExecutionException}, Reactor's wrapper of checked exceptions): the exception worth filing.
     */
    static Exception unwrap(Exception error) {
        Throwable t = Exceptions.unwrap(error);
        while ((t instanceof CompletionException || t instanceof ExecutionException
                || t instanceof UndeclaredThrowableException) && t.getCause() != null) {
            t = Exceptions.unwrap(t.getCause());
        }
        return t instanceof Exception exception ? exception : error;
    }
}
