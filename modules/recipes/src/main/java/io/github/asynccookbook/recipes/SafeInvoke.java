package io.github.asynccookbook.recipes;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;

import java.net.http.HttpTimeoutException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * The source's {@code safe_invoke}: a chat call that never throws but returns one {@link Result} — an answer, an
 * HTTP error with its status, a timeout, or any other failure — so that a caller must decide what each one means.
 * <p>
 * LangChain4j 1.18 wraps the provider's HTTP error in a typed exception ({@code RateLimitException} for a 429,
 * {@code InternalServerException} for a 5xx, ...) whose cause chain holds an {@link HttpException} with the status:
 * {@link #classify(Throwable)} walks that chain, so it sorts the same failure the same way for every provider.
 */
public final class SafeInvoke {

    private SafeInvoke() {
    }

    /** What a call ended in: exactly one of these, never an exception. */
    public sealed interface Result permits Answer, HttpError, Timeout, Failure {
    }

    /** The model answered. */
    public record Answer(String text) implements Result {
    }

    /** The provider answered with an HTTP error; {@code retriable} is LangChain4j's own verdict on it. */
    public record HttpError(int status, boolean retriable, Throwable cause) implements Result {
    }

    /** A client timeout or a deadline fired before the answer ended. */
    public record Timeout(Throwable cause) implements Result {
    }

    /** Anything else: a dropped connection, a bad response, a bug. */
    public record Failure(Throwable cause) implements Result {
    }

    // tag::safeInvoke[]
    public static Result safeInvoke(ChatModel model, ChatRequest request) {
        return safely(() -> model.chat(request).aiMessage().text());
    }

    public static Result safely(Supplier<String> call) {
        try {
            return new Answer(call.get());
        } catch (RuntimeException | Error failure) {
            return classify(failure);
        }
    }
    // end::safeInvoke[]

    /** Sorts a thrown (possibly wrapped) failure into a {@link Result}; never returns an {@link Answer}. */
    public static Result classify(Throwable thrown) {
        Throwable failure = unwrap(thrown);
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpException http) {
                return new HttpError(http.statusCode(), isRetriable(failure, http.statusCode()), failure);
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TimeoutException || t instanceof HttpTimeoutException
                    || t instanceof java.util.concurrent.TimeoutException
                    || t instanceof java.net.SocketTimeoutException) {
                return new Timeout(failure);
            }
        }
        return new Failure(failure);
    }

    private static boolean isRetriable(Throwable failure, int status) {
        if (failure instanceof RetriableException) {
            return true;
        }
        if (failure instanceof NonRetriableException) {
            return false;
        }
        return status == 408 || status == 429 || status >= 500;
    }

    private static Throwable unwrap(Throwable thrown) {
        Throwable t = thrown;
        while ((t instanceof CompletionException || t instanceof ExecutionException)
                && t.getCause() != null && !(t instanceof CancellationException)) {
            t = t.getCause();
        }
        return t;
    }
}
