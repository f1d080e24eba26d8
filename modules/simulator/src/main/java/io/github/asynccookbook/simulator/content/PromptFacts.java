package io.github.asynccookbook.simulator.content;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.regex.Pattern.CASE_INSENSITIVE;
import static java.util.regex.Pattern.UNICODE_CASE;

/**
 * The values a prompt offers for tool arguments.
 *
 * @param text     the prompt, directives removed
 * @param quoted   quoted passages, in order
 * @param numbers  numbers written as digits or words, in order ({@code Long} or {@code Double})
 * @param names    capitalised names ("Paris", "New York"), in order
 * @param subjects what the prompt asks about, from the phrase after "about", "for", "in", "of" …; several when
 *                 it lists them ("in Paris and London")
 * @param gist     a short noun phrase for the whole prompt, the last resort for a required text argument
 */
record PromptFacts(String text, List<String> quoted, List<Number> numbers, List<String> names,
                   List<String> subjects, String gist) {

    private static final Pattern QUOTED = Pattern.compile(
            "\"([^\"]+)\"|“([^”]+)”|(?<![\\p{L}])'([^']+)'(?![\\p{L}])");
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\p{L}\\p{N}.])-?\\d+(?:\\.\\d+)?(?![\\p{L}\\p{N}])|\\b(?:" + NumberWords.PATTERN + ")\\b",
            CASE_INSENSITIVE);
    private static final Pattern NAME_WORD = Pattern.compile("\\p{Lu}[\\p{L}\\p{N}'’.-]*");
    private static final Pattern PHRASE = Pattern.compile(
            "\\b(?:about|for|in|of|at|on|from|regarding)\\b\\s*:?\\s*([^?.!;\\n]+)", CASE_INSENSITIVE);
    private static final Pattern LIST_SEPARATOR = Pattern.compile(
            "\\s*,\\s*(?:and\\s+|or\\s+)?|\\s+and\\s+|\\s+or\\s+|\\s*&\\s*", CASE_INSENSITIVE | UNICODE_CASE);
    /** Without a final "and"/"or", a comma ends the phrase instead of listing things ("for cats, safe only"). */
    private static final Pattern CONJUNCTION = Pattern.compile("\\s(?:and|or)\\s|&", CASE_INSENSITIVE);
    private static final Pattern NAME_JOINER = Pattern.compile("\\s*(?:,\\s*(?:and|or)?|and|or|&)\\s*",
            CASE_INSENSITIVE);
    private static final Pattern TRAILING_TIME = Pattern.compile(
            "(?:\\s+(?:today|tomorrow|tonight|now|right now|this week|please|currently))+$", CASE_INSENSITIVE);
    private static final int MAX_LISTED_WORDS = 8;

    /** Imperative verbs and greetings: capitalised at the start of a prompt without being names. */
    private static final Set<String> OPENERS = Set.of("search", "look", "check", "compute", "calculate", "convert",
            "send", "create", "make", "book", "set", "add", "say", "translate", "summarize", "summarise", "fetch",
            "hi", "hello", "hey", "ok", "okay", "sure", "use", "call", "run", "find", "tell", "give",
            "show", "get", "list", "explain", "describe", "write", "compare", "remind", "schedule", "play", "open");

    static PromptFacts of(String prompt) {
        String text = Directives.strip(prompt);
        return new PromptFacts(text, quoted(text), numbers(text), names(text), subjects(text),
                Ask.read(text).topic());
    }

    private static List<String> quoted(String text) {
        var quoted = new ArrayList<String>();
        Matcher matcher = QUOTED.matcher(text);
        while (matcher.find()) {
            for (int group = 1; group <= 3; group++) {
                if (matcher.group(group) != null) {
                    quoted.add(matcher.group(group).strip());
                }
            }
        }
        return quoted;
    }

    private static List<Number> numbers(String text) {
        var numbers = new ArrayList<Number>();
        Matcher matcher = NUMBER.matcher(text);
        while (matcher.find()) {
            numbers.add(number(matcher.group()));
        }
        return numbers;
    }

    static Number number(String written) {
        var small = NumberWords.parse(written);
        if (small.isPresent()) {
            return (long) small.getAsInt();
        }
        return written.contains(".") ? (Number) Double.parseDouble(written) : (Number) Long.parseLong(written);
    }

    private static List<String> names(String text) {
        return spans(text).stream().map(Span::text).toList();
    }

    /** Runs of capitalised words that are not sentence openers ("What", "Tell") nor "I". */
    private static List<Span> spans(String text) {
        var spans = new ArrayList<Span>();
        Matcher matcher = NAME_WORD.matcher(text);
        Span current = null;
        while (matcher.find()) {
            String word = matcher.group().replaceAll("[.'’-]+$", "");
            boolean boundary = matcher.start() > 0 && Character.isLetterOrDigit(text.charAt(matcher.start() - 1));
            if (boundary || word.isEmpty() || isOpener(word)) {
                continue;
            }
            int end = matcher.start() + word.length();
            if (current != null && text.substring(current.end(), matcher.start()).equals(" ")) {
                current = new Span(current.start(), end, text.substring(current.start(), end));
                spans.set(spans.size() - 1, current);
            } else {
                current = new Span(matcher.start(), end, word);
                spans.add(current);
            }
        }
        return spans;
    }

    private static boolean isOpener(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return Keywords.isStopword(lower) || OPENERS.contains(lower);
    }

    /**
     * What the prompt is about: the names in the first prepositional phrase (with the ones listed after it),
     * or that phrase itself, split where it lists several things.
     */
    private static List<String> subjects(String text) {
        Matcher matcher = PHRASE.matcher(text);
        if (!matcher.find()) {
            return List.of();
        }
        String phrase = TRAILING_TIME.matcher(matcher.group(1).strip()).replaceFirst("");
        List<Span> spans = spans(phrase);
        if (!spans.isEmpty()) {
            var listed = new ArrayList<>(List.of(spans.getFirst().text()));
            for (int i = 1; i < spans.size(); i++) {
                String between = phrase.substring(spans.get(i - 1).end(), spans.get(i).start());
                if (!NAME_JOINER.matcher(between).matches()) {
                    break;
                }
                listed.add(spans.get(i).text());
            }
            return List.copyOf(listed);
        }
        if (!CONJUNCTION.matcher(phrase).find() && phrase.contains(",")) {
            phrase = phrase.substring(0, phrase.indexOf(',')).strip();
        }
        if (phrase.isBlank()) {
            return List.of();
        }
        if (phrase.split("\\s+").length > MAX_LISTED_WORDS) {
            return List.of(phrase);
        }
        return Arrays.stream(LIST_SEPARATOR.split(phrase)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private record Span(int start, int end, String text) {
    }
}
