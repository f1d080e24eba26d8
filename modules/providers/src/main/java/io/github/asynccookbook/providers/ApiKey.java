package io.github.asynccookbook.providers;

/**
 * An API key that never shows itself: {@link #toString()} is {@link #masked()}, so records holding one can be
 * printed and logged safely.
 */
public record ApiKey(String value) {

    private static final int MIN_LENGTH_TO_SHOW_ENDS = 12;

    public ApiKey {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an API key cannot be blank");
        }
    }

    /** The first three and last four characters, e.g. {@code sk-...9f2c}; nothing of a short key. */
    public String masked() {
        return value.length() < MIN_LENGTH_TO_SHOW_ENDS
                ? "****"
                : value.substring(0, 3) + "..." + value.substring(value.length() - 4);
    }

    @Override
    public String toString() {
        return masked();
    }
}
