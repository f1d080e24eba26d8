package io.github.asynccookbook.simulator.content;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.regex.Pattern.CASE_INSENSITIVE;
import static java.util.regex.Pattern.UNICODE_CASE;

/**
 * What the user asked for, read from a prompt: it decides the shape of the answer (bullet lines, an explanation,
 * steps, a definition) and what the answer talks about.
 *
 * @param bullets  how many bullet lines were asked for (only for {@link Kind#BULLETS})
 * @param topic    what the answer is about, as a noun phrase that reads well inside a sentence
 * @param question the user's question restated from the assistant's side ("How do I …" → "How do you …?"),
 *                 empty unless the prompt is a question
 */
record Ask(Kind kind, int bullets, String topic, String question) {

    enum Kind { BULLETS, WHY, HOW, WHAT, QUESTION, REQUEST }

    static final int MAX_BULLETS = 50;
    private static final int MAX_TOPIC_WORDS = 12;
    private static final int MAX_QUESTION_WORDS = 30;
    /** A focus sentence longer than this is cut: the topic is taken from its first dozen words anyway. */
    private static final int MAX_FOCUS_CHARS = 2_000;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
    private static final int FLAGS = CASE_INSENSITIVE | UNICODE_CASE;

    private static final Pattern BULLETS = Pattern.compile("\\b(" + NumberWords.PATTERN
            + ")\\s+(?:[\\p{L}-]+\\s+){0,2}?(?:bullet[- ]?points?|bullets)\\b", FLAGS);
    private static final Pattern TOPIC_LEAD = Pattern.compile(
            "^[\\s:–—-]*(?:(?:about|on|for|regarding|covering|of)\\b)?[\\s:–—-]*", FLAGS);
    private static final Pattern TRAILING_REQUEST = Pattern.compile(
            "[\\s:,;–—-]*(?:(?:please|in|with)\\s+)?(?:(?:give|list|write|make|provide|show)(?:\\s+me)?\\s*)?$",
            FLAGS);
    private static final Pattern LABEL = Pattern.compile("^(?:question|q|task|prompt|user|input)\\s*:\\s*", FLAGS);
    private static final Pattern WHY = Pattern.compile("^why\\b\\s*(?:(?:do|does|did)\\s+)?(.+)", FLAGS);
    private static final Pattern HOW = Pattern.compile(
            "^how\\s+(?:do|does|did|can|could|should|would|will|to|is|are)\\s+(.+)", FLAGS);
    private static final Pattern WHAT = Pattern.compile(
            "^what(?:['’]s|\\s+is|\\s+are|\\s+was|\\s+were)\\s+(.+)", FLAGS);
    private static final Pattern OTHER_QUESTION = Pattern.compile("^(?:who|whom|whose|when|where|which|what|how"
            + "|is|are|was|were|do|does|did|can|could|should|would|will|has|have)\\b"
            + "(?:\\s+(?:is|are|was|were|do|does|did|can|could|should|would|will|has|have)\\b)?\\s*(.*)", FLAGS);
    private static final Pattern REQUEST = Pattern.compile("^(?:(?:please|kindly|can you|could you|would you"
            + "|will you|help me|i want you to|i'd like you to)\\s+)*(?:explain|describe|summari[sz]e|tell me about"
            + "|tell me|talk about|write(?:\\s+me)?(?:\\s+an?)?(?:\\s+[\\p{L}-]+)?\\s+(?:about|on)|give me|show me"
            + "|list|compare|define|outline|discuss|understand|say|translate|suggest|recommend)\\b\\s*(.*)", FLAGS);
    private static final Pattern ABOUT = Pattern.compile(
            "\\b(?:about|regarding|concerning|on the topic of)\\s*:?\\s+(\\S.*)", FLAGS);
    private static final Pattern TRAILING_FILLER = Pattern.compile(
            "(?:\\s+(?:please|for me|briefly|in detail|in short|in brief|today|now))+$", FLAGS);
    private static final List<Swap> SWAPS = List.of(new Swap("\\bI am\\b", "you are"),
            new Swap("\\bI['’]m\\b", "you're"), new Swap("\\bI\\b", "you"), new Swap("\\bme\\b", "you"),
            new Swap("\\bmy\\b", "your"), new Swap("\\bmine\\b", "yours"), new Swap("\\bmyself\\b", "yourself"));

    static Ask read(String prompt) {
        String text = Directives.strip(prompt);
        Matcher bullets = BULLETS.matcher(text);
        if (bullets.find()) {
            int count = Math.clamp(NumberWords.parse(bullets.group(1)).orElse(3), 1, MAX_BULLETS);
            String subject = TOPIC_LEAD.matcher(firstLine(text.substring(bullets.end()))).replaceFirst("");
            if (subject.isBlank()) {
                subject = TRAILING_REQUEST.matcher(text.substring(0, bullets.start())).replaceFirst("");
            }
            return new Ask(Kind.BULLETS, count, nounPhrase(subject), "");
        }
        String focus = trimEnd(LABEL.matcher(focus(text)).replaceFirst(""));
        if (focus.isEmpty()) {
            return new Ask(Kind.REQUEST, 0, "your question", "");
        }
        Matcher matcher;
        if ((matcher = REQUEST.matcher(focus)).matches()) {
            return new Ask(Kind.REQUEST, 0, nounPhrase(matcher.group(1)), "");
        }
        if ((matcher = WHAT.matcher(focus)).matches()) {
            return new Ask(Kind.WHAT, 0, nounPhrase(matcher.group(1)), "");
        }
        boolean shortQuestion = hasAtMostWords(focus, MAX_QUESTION_WORDS);
        if (shortQuestion && (matcher = WHY.matcher(focus)).matches()) {
            return new Ask(Kind.WHY, 0, nounPhrase(matcher.group(1)), restate(focus));
        }
        if (shortQuestion && (matcher = HOW.matcher(focus)).matches()) {
            return new Ask(Kind.HOW, 0, nounPhrase(matcher.group(1)), restate(focus));
        }
        if (shortQuestion && (matcher = OTHER_QUESTION.matcher(focus)).matches()) {
            return new Ask(Kind.QUESTION, 0, nounPhrase(matcher.group(1)), restate(focus));
        }
        return new Ask(Kind.REQUEST, 0, nounPhrase(focus), "");
    }

    /**
     * The line that carries the request: the last line with a question mark (context first, question last),
     * otherwise the first line (instruction first, material after); of a very long line, one sentence of it.
     */
    private static String focus(String text) {
        List<String> lines = text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (lines.isEmpty()) {
            return "";
        }
        String line = lines.reversed().stream().filter(l -> l.contains("?")).findFirst().orElse(lines.getFirst());
        if (hasAtMostWords(line, 40)) {
            return line;
        }
        return atMostChars(lastQuestionOrFirstSentence(line), MAX_FOCUS_CHARS);
    }

    /**
     * The last sentence that asks something, else the first; found by walking the sentence ends, so a prompt of
     * millions of words costs no copy of each of them.
     */
    private static String lastQuestionOrFirstSentence(String line) {
        Matcher end = SENTENCE_END.matcher(line);
        int start = 0;
        int firstEnd = -1;
        String question = null;
        while (start <= line.length()) {
            boolean found = end.find();
            int stop = found ? end.start() : line.length();
            firstEnd = firstEnd < 0 ? stop : firstEnd;
            if (stop > start && line.charAt(stop - 1) == '?') {
                question = line.substring(start, stop);
            }
            if (!found) {
                break;
            }
            start = end.end();
        }
        return question != null ? question : line.substring(0, firstEnd);
    }

    /** Whether {@code text} has no more than {@code max} words, reading no further than word {@code max + 1}. */
    private static boolean hasAtMostWords(String text, int max) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord && ++words > max) {
                return false;
            }
            inWord = !space;
        }
        return true;
    }

    /** The text cut at the last space before {@code max} characters. */
    private static String atMostChars(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int space = text.lastIndexOf(' ', max);
        return text.substring(0, space > 0 ? space : max);
    }

    /** A phrase cut down to what reads well after "about": no question scaffolding, no filler, a dozen words. */
    private static String nounPhrase(String raw) {
        String phrase = trimEnd(LABEL.matcher(firstLine(raw).replaceAll("\\s+", " ")).replaceFirst(""));
        Matcher what = WHAT.matcher(phrase);
        if (what.matches()) {
            phrase = what.group(1);
        }
        Matcher request = REQUEST.matcher(phrase);
        if (request.matches() && !request.group(1).isBlank()) {
            phrase = request.group(1);
        }
        Matcher about = ABOUT.matcher(phrase);
        if (about.find()) {
            phrase = about.group(1);
        }
        phrase = trimEnd(TRAILING_FILLER.matcher(trimEnd(phrase)).replaceFirst(""));
        String[] words = phrase.split("\\s+");
        if (words.length > MAX_TOPIC_WORDS) {
            phrase = trimEnd(String.join(" ", Arrays.copyOf(words, MAX_TOPIC_WORDS)));
        }
        phrase = swapPronouns(phrase);
        return phrase.isBlank() ? "this topic" : sentenceCaseToLower(phrase);
    }

    /** The user's question as the assistant would repeat it: "Why do I …" becomes "Why do you …?". */
    private static String restate(String question) {
        String swapped = swapPronouns(trimEnd(question.replaceAll("\\s+", " ")));
        return Character.toUpperCase(swapped.charAt(0)) + swapped.substring(1) + "?";
    }

    private static String swapPronouns(String text) {
        String result = text;
        for (Swap swap : SWAPS) {
            result = swap.apply(result);
        }
        return result;
    }

    /**
     * "Batching requests" was capitalised only because it started the prompt; inside a sentence it should read
     * "batching requests". Names ("Python", "Spring Boot") and acronyms keep their case.
     */
    private static String sentenceCaseToLower(String phrase) {
        String[] words = phrase.split(" ", 3);
        boolean capitalisedWord = words[0].length() > 1 && Character.isUpperCase(words[0].charAt(0))
                && words[0].substring(1).chars().noneMatch(Character::isUpperCase);
        boolean lowerNext = words.length > 1 && !words[1].isEmpty() && Character.isLowerCase(words[1].charAt(0));
        return capitalisedWord && lowerNext ? Character.toLowerCase(phrase.charAt(0)) + phrase.substring(1) : phrase;
    }

    private static String firstLine(String text) {
        return text.strip().lines().findFirst().orElse("");
    }

    private static String trimEnd(String text) {
        return text.strip().replaceAll("[\\s?.!:;,]+$", "");
    }

    private record Swap(Pattern pattern, String replacement) {
        Swap(String regex, String replacement) {
            this(Pattern.compile(regex, FLAGS), replacement);
        }

        String apply(String text) {
            Matcher matcher = pattern.matcher(text);
            return matcher.replaceAll(match -> {
                boolean upper = Character.isUpperCase(match.group().charAt(0)) && match.start() == 0;
                String value = upper ? Character.toUpperCase(replacement.charAt(0)) + replacement.substring(1)
                        : replacement;
                return Matcher.quoteReplacement(value);
            });
        }
    }
}
