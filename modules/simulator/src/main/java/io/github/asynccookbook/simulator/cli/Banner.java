package io.github.asynccookbook.simulator.cli;

import io.github.asynccookbook.simulator.Simulator;
import io.github.asynccookbook.simulator.SimulatorConfig;

import java.util.Locale;

/** What the standalone simulator prints on start: both base URLs and a {@code curl} line for each provider. */
final class Banner {

    private Banner() {
    }

    static String of(Simulator simulator, String keyShown) {
        SimulatorConfig config = simulator.config();
        String base = simulator.baseUrl();
        return String.format(Locale.ROOT, """
                Provider simulator on %s  (time scale %s, tier %s, seed %d)
                  Gemini  base URL: %s
                  Mistral base URL: %s
                  Ground truth:     %s/_sim/stats

                Try:
                  curl -s %s/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse \\
                    -H 'x-goog-api-key: %s' -H 'Content-Type: application/json' \\
                    -d '{"contents":[{"role":"user","parts":[{"text":"Give 3 bullet points about: RAG vs fine-tuning"}]}]}'
                  curl -s %s/v1/chat/completions \\
                    -H 'Authorization: Bearer %s' -H 'Content-Type: application/json' \\
                    -d '{"model":"mistral-small-latest","stream":true,"messages":[{"role":"user","content":"Why do some birds migrate?"}]}'

                Ctrl-C stops it.
                """, base, format(config.timeScale()), config.tier().id(), config.seed(),
                simulator.geminiBaseUrl(), simulator.mistralBaseUrl(), base,
                base, keyShown, base, keyShown);
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
