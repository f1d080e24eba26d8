package io.github.asynccookbook.simulator;

import java.util.Locale;

/** Named rate-limit tiers with the providers' published values (see {@link ModelProfiles}). */
public enum Tier {
    FREE, TIER1, UNLIMITED;

    public static Tier parse(String name) {
        for (Tier tier : values()) {
            if (tier.name().equalsIgnoreCase(name.trim())) {
                return tier;
            }
        }
        throw new IllegalArgumentException("unknown tier '" + name + "' (expected free, tier1 or unlimited)");
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
