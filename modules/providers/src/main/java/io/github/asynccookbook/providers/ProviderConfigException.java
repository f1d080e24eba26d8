package io.github.asynccookbook.providers;

/**
 * A provider setting the user has to fix (an unknown {@code LLM_MODE}, a missing key in live mode, ...). The
 * message is one line that says how to fix it, so mains print it as is and exit with status 2
 * ({@link Providers#runMain}).
 */
public final class ProviderConfigException extends RuntimeException {

    public ProviderConfigException(String message) {
        super(message);
    }

    public ProviderConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
