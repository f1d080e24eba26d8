package io.github.asynccookbook.chapter11;

import dev.langchain4j.model.output.TokenUsage;

import java.util.Map;
import java.util.Optional;

/**
 * Published list prices in US dollars per million tokens, paid tier, text, as of December 2026
 * (ai.google.dev/gemini-api/docs/pricing, mistral.ai/pricing): check them before you trust a figure. Both providers
 * bill batch jobs at half these prices.
 */
final class BatchPrices {

    record Price(double inputPerMillion, double outputPerMillion) {
    }

    static final double BATCH_DISCOUNT = 0.5;

    private static final Map<String, Price> ONLINE = Map.of(
            "gemini-2.5-flash", new Price(0.30, 2.50),
            "gemini-2.5-flash-lite", new Price(0.10, 0.40),
            "mistral-small-latest", new Price(0.10, 0.30));

    private BatchPrices() {
    }

    /** What these tokens cost online, or empty for a model without a price here. */
    static Optional<Double> online(String model, TokenUsage usage) {
        return Optional.ofNullable(ONLINE.get(model)).map(price ->
                (tokens(usage.inputTokenCount()) * price.inputPerMillion()
                        + tokens(usage.outputTokenCount()) * price.outputPerMillion()) / 1_000_000);
    }

    static Optional<Double> batch(String model, TokenUsage usage) {
        return online(model, usage).map(dollars -> dollars * BATCH_DISCOUNT);
    }

    private static long tokens(Integer count) {
        return count == null ? 0 : count;
    }
}
