package io.github.asynccookbook.providers;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Settings variables by name, where a blank value counts as unset (a copied {@code .env.example} has
 * {@code GOOGLE_API_KEY=}). Deliberately without {@code toString}: the values include API keys.
 */
final class Variables {

    private final Map<String, String> values;

    Variables(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name)).map(String::trim).filter(value -> !value.isEmpty());
    }

    /** The value of the first of these variables that is set. */
    Optional<String> first(List<String> names) {
        return names.stream().flatMap(name -> get(name).stream()).findFirst();
    }

    /**
     * The parsed value of a variable, or the default when unset. The parser throws
     * {@link IllegalArgumentException} for a bad value, which becomes a one-line message saying what to use.
     */
    <T> T parse(String name, T defaultValue, Function<String, T> parser, String expected) {
        Optional<String> value = get(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            return parser.apply(value.get());
        } catch (IllegalArgumentException e) {
            throw new ProviderConfigException("%s=%s is not valid: use %s (in .env or the environment)"
                    .formatted(name, value.get(), expected));
        }
    }
}
