package io.github.asynccookbook.simulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.asynccookbook.simulator.RateLimits.perMinute;
import static io.github.asynccookbook.simulator.RateLimits.perSecond;

/**
 * Default model profiles, taken from public figures (no thinking, short prompts), and the public aliases that point
 * at them.
 *
 * <p>Gemini latency: simplemetrics "Gemini models ranking table with real numbers" (Sep 2025): TTFT / output
 * tokens per second 0.65 s / 97.4 (2.5 Flash), 0.59 s / 178.7 (2.5 Flash-Lite), 0.53 s / 153.1 (2.0 Flash),
 * 2.22 s / 85.4 (2.5 Pro); 2.0 Flash-Lite has no published figure and is given 2.0 Flash's. Chunks of 20-60
 * tokens as recorded from the real API.
 * Gemini limits: ai.google.dev/gemini-api/docs/rate-limits (mid-2025) for the free tier and tier 1
 * (RPM / TPM / RPD). Google cut the free tier in December 2025 (2.5 Flash reported at 5 RPM / 20 RPD); override
 * with {@link ModelProfile#withLimits} to reproduce that.
 * Gemini aliases: {@code GET /v1beta/models} lists {@code gemini-flash-latest}, {@code gemini-flash-lite-latest},
 * {@code gemini-pro-latest} and the {@code -001} versions as entries of their own.
 *
 * <p>Mistral latency: artificialanalysis.ai/providers/mistral: Small 3.1/3.2 0.64-0.70 s, ~162 tokens/s;
 * Medium 3.5 168 tokens/s (TTFT not published, 0.55 s assumed); Large ~38 tokens/s (Feb 2024; 0.70 s assumed);
 * Ministral 3 8B 0.29 s (speed not published, Ministral 3 3B's 282 tokens/s assumed); Codestral (Jan 2025)
 * 183 tokens/s (TTFT assumed 0.64 s); Mistral NeMo unpublished, Mistral 7B's 0.63 s and 162 tokens/s assumed.
 * One or two tokens per chunk as recorded. Mistral free tier: 1 request/s and 500,000 tokens/min
 * (help.mistral.ai "What are the limits of the free tier"). Paid tiers are shown only in Mistral's console:
 * tier1 here (25 requests/s, 2,000,000 tokens/min) is an assumption, not a published figure.
 * Mistral ids, aliases and context sizes: {@code GET /v1/models} of Dec 2025, where every alias has a card of its
 * own whose {@code name} is the dated model.
 */
public final class ModelProfiles {

    private ModelProfiles() {
    }

    /** Every served name, models and aliases alike, to the profile it answers with. */
    public static Map<String, ModelProfile> defaults() {
        var profiles = new LinkedHashMap<String, ModelProfile>();
        ModelProfile flash = gemini("gemini-2.5-flash", "Gemini 2.5 Flash", 650, 97.4, 65_536,
                perMinute(10, 250_000, 250), perMinute(1_000, 1_000_000, 10_000));
        ModelProfile flashLite = gemini("gemini-2.5-flash-lite", "Gemini 2.5 Flash-Lite", 590, 178.7, 65_536,
                perMinute(15, 250_000, 1_000), perMinute(4_000, 4_000_000, 0));
        ModelProfile flash20 = gemini("gemini-2.0-flash", "Gemini 2.0 Flash", 530, 153.1, 8_192,
                perMinute(15, 1_000_000, 200), perMinute(2_000, 4_000_000, 0));
        ModelProfile flashLite20 = gemini("gemini-2.0-flash-lite", "Gemini 2.0 Flash-Lite", 530, 153.1, 8_192,
                perMinute(30, 1_000_000, 200), perMinute(4_000, 4_000_000, 0));
        ModelProfile pro = gemini("gemini-2.5-pro", "Gemini 2.5 Pro", 2_220, 85.4, 65_536,
                perMinute(5, 250_000, 100), perMinute(150, 2_000_000, 10_000));
        ModelProfile small = mistral("mistral-small-2506", "Mistral Small", 640, 162, 131_072);
        ModelProfile medium = mistral("mistral-medium-2508", "Mistral Medium", 550, 168, 131_072);
        ModelProfile large = mistral("mistral-large-2512", "Mistral Large", 700, 38, 262_144);
        ModelProfile nemo = mistral("open-mistral-nemo", "Mistral NeMo", 630, 162, 131_072);
        ModelProfile codestral = mistral("codestral-2508", "Codestral", 640, 183, 256_000);
        ModelProfile ministral = mistral("ministral-8b-2512", "Ministral 3 8B", 290, 282, 262_144);
        for (ModelProfile profile : List.of(
                flash, flash.aliasedAs("gemini-flash-latest", "Gemini Flash Latest"),
                flashLite, flashLite.aliasedAs("gemini-flash-lite-latest", "Gemini Flash-Lite Latest"),
                pro, pro.aliasedAs("gemini-pro-latest", "Gemini Pro Latest"),
                flash20, flash20.aliasedAs("gemini-2.0-flash-001", "Gemini 2.0 Flash 001"),
                flashLite20, flashLite20.aliasedAs("gemini-2.0-flash-lite-001", "Gemini 2.0 Flash-Lite 001"),
                small, alias(small, "mistral-small-latest"),
                medium, alias(medium, "mistral-medium-latest"), alias(medium, "mistral-medium"),
                large, alias(large, "mistral-large-latest"),
                nemo, alias(nemo, "open-mistral-nemo-2407"), alias(nemo, "mistral-tiny-2407"),
                alias(nemo, "mistral-tiny-latest"),
                codestral, alias(codestral, "codestral-latest"),
                ministral, alias(ministral, "ministral-8b-latest"))) {
            profiles.put(profile.id(), profile);
        }
        return Map.copyOf(profiles);
    }

    private static ModelProfile gemini(String id, String name, long ttftMillis, double tokensPerSecond,
                                       int outputLimit, RateLimits free, RateLimits tier1) {
        return new ModelProfile(id, Protocol.GEMINI, name, Duration.ofMillis(ttftMillis), 0.25, tokensPerSecond,
                20, 60, 90, 160, outputLimit, 1_048_576,
                Map.of(Tier.FREE, free, Tier.TIER1, tier1, Tier.UNLIMITED, RateLimits.NONE));
    }

    private static ModelProfile mistral(String id, String name, long ttftMillis, double tokensPerSecond,
                                        int contextLength) {
        return new ModelProfile(id, Protocol.MISTRAL, name, Duration.ofMillis(ttftMillis), 0.25, tokensPerSecond,
                1, 2, 90, 160, 32_768, contextLength,
                Map.of(Tier.FREE, perSecond(1, 500_000), Tier.TIER1, perSecond(25, 2_000_000),
                        Tier.UNLIMITED, RateLimits.NONE));
    }

    /** Mistral's cards name an alias's model by its dated id; the alias keeps the model's display name. */
    private static ModelProfile alias(ModelProfile model, String name) {
        return model.aliasedAs(name, model.displayName());
    }
}
