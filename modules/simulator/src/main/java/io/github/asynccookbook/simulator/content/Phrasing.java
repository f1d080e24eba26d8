package io.github.asynccookbook.simulator.content;

import java.util.Locale;
import java.util.SplittableRandom;

/** Fills a template of {@link Sentences} for one answer: its topic, its restated question, a random aspect. */
record Phrasing(String topic, String question, SplittableRandom random) {

    String fill(String template) {
        String aspect = Sentences.ASPECTS.get(random.nextInt(Sentences.ASPECTS.size()));
        return template.replace("{topic}", topic)
                .replace("{Topic}", capitalise(topic))
                .replace("{question}", question)
                .replace("{aspect}", aspect);
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
