package io.github.asynccookbook.providers;

import java.util.List;

/**
 * The chapters' way to get models: {@code Providers.gemini().chatModel()}. Configured from {@code .env} and the
 * environment ({@link ProviderSettings#load()}) on first use; each provider prints its
 * {@link Provider#describe()} line the first time it is used, so a run always says whether it is live or
 * simulated. Tests that bring their own simulator use {@link ProviderSet#forSimulator} instead.
 */
public final class Providers {

    private static ProviderSet defaultSet;

    private Providers() {
    }

    /** The providers configured from {@code .env} and the environment. */
    public static synchronized ProviderSet defaults() {
        if (defaultSet == null) {
            defaultSet = ProviderSet.announcing(ProviderSettings.load());
        }
        return defaultSet;
    }

    /**
     * Makes these settings the defaults, e.g. a main's simulator options over {@code .env}: a set already in use
     * with other settings is closed first (its simulator stopped). Returns the default set.
     */
    public static synchronized ProviderSet use(ProviderSettings settings) {
        if (defaultSet != null && !defaultSet.settings().equals(settings)) {
            defaultSet.close();
            defaultSet = null;
        }
        if (defaultSet == null) {
            defaultSet = ProviderSet.announcing(settings);
        }
        return defaultSet;
    }

    public static Provider gemini() {
        return defaults().gemini();
    }

    public static Provider mistral() {
        return defaults().mistral();
    }

    /** See {@link ProviderSet#get(String)}. */
    public static Provider get(String name) {
        return defaults().get(name);
    }

    /** See {@link ProviderSet#select(String)}. */
    public static List<Provider> select(String choice) {
        return defaults().select(choice);
    }

    public static String describe() {
        return defaults().describe();
    }

    /** Stops the embedded simulator now rather than at JVM exit, so {@code mvn exec:java} returns promptly. */
    public static synchronized void close() {
        if (defaultSet != null) {
            defaultSet.close();
        }
    }
}
