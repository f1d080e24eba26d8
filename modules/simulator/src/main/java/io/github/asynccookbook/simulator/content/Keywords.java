package io.github.asynccookbook.simulator.content;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The content words of a text, with the glue words gone: what the simulated model uses to tell what a prompt is
 * about and which declared tool it is asking for.
 */
final class Keywords {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");
    private static final Pattern IDENTIFIER_PART = Pattern.compile("[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\\d+");

    /** Words that carry no topic: articles, pronouns, auxiliaries, question words, filler. */
    private static final Set<String> STOPWORDS = Set.of(
            "a", "an", "the", "and", "or", "but", "if", "then", "so", "than", "that", "this", "these", "those",
            "to", "of", "in", "on", "at", "by", "for", "with", "about", "from", "into", "over", "under", "as", "vs",
            "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "done", "have", "has",
            "had", "can", "could", "should", "would", "will", "shall", "may", "might", "must",
            "i", "me", "my", "mine", "you", "your", "yours", "we", "us", "our", "they", "them", "their", "it", "its",
            "he", "she", "him", "her", "his", "what", "why", "how", "when", "where", "who", "whom", "which",
            "whose", "there", "here", "some", "any", "all", "each", "every", "many", "much", "more", "most",
            "very", "too", "also", "just", "not", "no", "yes", "please", "thanks", "thank", "like", "up", "out",
            "don't", "doesn't", "isn't", "aren't", "can't", "won't", "i'm", "it's", "what's", "let's", "today",
            "now", "right", "currently", "current", "tell", "give", "show", "explain", "describe", "list", "get",
            "find", "one", "other", "another", "such", "own", "same", "few", "lot", "lots");

    private Keywords() {
    }

    /** Distinct lower-case content words in order of first appearance. */
    static List<String> of(String text) {
        var words = new LinkedHashSet<String>();
        for (String word : words(text)) {
            String lower = normalize(word);
            if (!isStopword(lower)) {
                words.add(lower);
            }
        }
        return List.copyOf(words);
    }

    /** Every word of the text as written, apostrophes and hyphens kept inside words. */
    private static List<String> words(String text) {
        var words = new ArrayList<String>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }

    /** Words of a code identifier: both {@code getCurrentWeather} and {@code get_current_weather} give three. */
    static List<String> identifierWords(String identifier) {
        var words = new ArrayList<String>();
        Matcher matcher = IDENTIFIER_PART.matcher(identifier);
        while (matcher.find()) {
            words.add(matcher.group().toLowerCase(Locale.ROOT));
        }
        return words;
    }

    static boolean isStopword(String word) {
        return STOPWORDS.contains(normalize(word));
    }

    /**
     * A crude stem so that "cities" meets "city" and "forecasting" meets "forecast"; good enough to compare a
     * prompt with a tool declaration, which is all it is used for.
     */
    static String stem(String word) {
        String w = normalize(word);
        if (w.length() > 4 && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 5 && w.endsWith("ing")) {
            return w.substring(0, w.length() - 3);
        }
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    private static String normalize(String word) {
        String lower = word.toLowerCase(Locale.ROOT).replace('’', '\'');
        return lower.endsWith("'s") && !lower.equals("it's") && !lower.equals("what's") && !lower.equals("let's")
                ? lower.substring(0, lower.length() - 2) : lower;
    }
}
