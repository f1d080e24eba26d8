package io.github.asynccookbook.harness;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The prompts the examples fan out: one topic each, so every answer can be matched to its question by eye (and by
 * {@link #inInputOrder}), or numbered one-liners with short answers.
 */
public final class Questions {

    private static final List<String> TOPICS = List.of("sleep", "coffee", "tides", "bridges", "bees", "compilers",
            "glaciers", "chess", "bread", "comets", "maps", "violins");

    private Questions() {
    }

    /**
     * Whether each answer talks about its own question's topic: the answers really are in input order, not merely
     * all there.
     */
    public static boolean inInputOrder(List<String> answers) {
        return IntStream.range(0, answers.size())
                .allMatch(i -> answers.get(i).toLowerCase(Locale.ROOT).contains(TOPICS.get(i % TOPICS.size())));
    }

    public static String topic(int index) {
        String topic = TOPICS.get(index % TOPICS.size());
        return index < TOPICS.size() ? topic : topic + " " + (index / TOPICS.size() + 1);
    }

    public static String about(int index) {
        return "In one short paragraph, what matters most about " + topic(index) + "?";
    }

    public static List<String> first(int count) {
        return IntStream.range(0, count).mapToObj(Questions::about).toList();
    }

    /** The start of an answer on one line, for tables. */
    public static String head(String answer, int length) {
        String line = answer.strip().replaceAll("\\s+", " ");
        return line.length() <= length ? line : line.substring(0, length - 3) + "...";
    }

    /** Short, distinct questions with short answers, so runs stay quick and cheap live too. */
    public static List<String> numbered(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(n -> "In one sentence, what is special about the number " + n + "?")
                .toList();
    }
}
