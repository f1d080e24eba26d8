package io.github.asynccookbook.providers;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An API key that never shows itself: {@link #toString()} is {@link #masked()}, so records holding one can be
 * printed and logged safely, and {@link #scrub(String)} masks every key this JVM has loaded in any text, the one
 * function every message passes through before it is printed or stored.
 * <p>
 * A key is visible ASCII without quotes: anything else (smart quotes pasted from a document, a stray space, a
 * newline) cannot be a real key, and sent as a header it would make the HTTP client quote the whole header, key
 * included, in its error.
 */
public record ApiKey(String value) {

    private static final int MIN_LENGTH_TO_SHOW_ENDS = 12;
    private static final Set<String> LOADED = ConcurrentHashMap.newKeySet();

    public ApiKey {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an API key cannot be blank");
        }
        if (!value.chars().allMatch(ApiKey::allowed)) {
            throw new IllegalArgumentException("an API key is visible ASCII without spaces or quotes");
        }
        LOADED.add(value);
    }

    private static boolean allowed(int c) {
        return c > ' ' && c < 0x7f && c != '"' && c != '\'' && c != '`';
    }

    /** The first three and last four characters, e.g. {@code sk-...9f2c}; nothing of a short key. */
    public String masked() {
        return mask(value);
    }

    private static String mask(String value) {
        return value.length() < MIN_LENGTH_TO_SHOW_ENDS
                ? "****"
                : value.substring(0, 3) + "..." + value.substring(value.length() - 4);
    }

    /** The text with every key loaded in this JVM, as is or URL-encoded, replaced by its masked form. */
    public static String scrub(String text) {
        if (text == null) {
            return null;
        }
        String scrubbed = text;
        for (String key : LOADED) {
            String masked = mask(key);
            scrubbed = scrubbed.replace(key, masked)
                    .replace(URLEncoder.encode(key, StandardCharsets.UTF_8), masked);
        }
        return scrubbed;
    }

    @Override
    public String toString() {
        return masked();
    }
}
