package io.github.asynccookbook.simulator.content;

import java.util.List;
import java.util.Optional;

/**
 * Writes a draft to a wanted length: whole sentences landing within 15 % of the target, or exactly the target when
 * the client asked for an exact length. Near the end it picks the sentence that fits best.
 */
final class Composer {

    private static final double TOLERANCE = 0.15;
    /** Below this many missing tokens, sentences are chosen by how well they fit rather than in dealing order. */
    private static final int FIT_WINDOW = 30;

    private Composer() {
    }

    static String write(Draft draft, List<String> leads, Deck body, Optional<Deck> closing, int target,
                        boolean exact) {
        leads.forEach(draft::add);
        int low = (int) Math.ceil(target * (1 - TOLERANCE));
        int high = (int) Math.floor(target * (1 + TOLERANCE));
        while (draft.tokens() < target) {
            int missing = target - draft.tokens();
            if (exact || missing > FIT_WINDOW) {
                draft.add(body.draw());
                continue;
            }
            int written = draft.tokens();
            Optional<String> ending = closing.flatMap(deck -> deck.drawFitting(n -> lands(written + n, low, high)));
            if (ending.isPresent()) {
                draft.add(ending.get());
                break;
            }
            String next = body.peekClosest(missing);
            if (written >= low && written + Tokens.count(next) > high) {
                break;
            }
            draft.add(body.take(next));
        }
        String text = draft.text();
        if (exact) {
            return draft.tokens() > target ? cutToSentence(text, target) : text;
        }
        if (draft.tokens() <= high || !draft.shortenable()) {
            return text;
        }
        List<String> tokens = Tokens.split(text);
        return lastSentenceEnd(tokens, low, high).or(() -> lastWordEnd(tokens, low, high))
                .orElseGet(() -> cutToSentence(text, target));
    }

    private static boolean lands(int tokens, int low, int high) {
        return tokens >= low && tokens <= high;
    }

    /** The text up to its last sentence end that falls between {@code low} and {@code high} tokens, if any. */
    private static Optional<String> lastSentenceEnd(List<String> tokens, int low, int high) {
        for (int end = Math.min(high, tokens.size()); end >= Math.max(1, low); end--) {
            if (endsSentence(tokens.get(end - 1))) {
                return Optional.of(String.join("", tokens.subList(0, end)));
            }
        }
        return Optional.empty();
    }

    /** The text up to its last whole word before {@code high} tokens, closed with a full stop. */
    private static Optional<String> lastWordEnd(List<String> tokens, int low, int high) {
        for (int end = Math.min(high - 1, tokens.size() - 1); end >= Math.max(1, low - 1); end--) {
            if (endsWithWord(tokens.get(end - 1)) && !startsWithWord(tokens.get(end))) {
                return Optional.of(String.join("", tokens.subList(0, end)) + ".");
            }
        }
        return Optional.empty();
    }

    /**
     * The first {@code count} tokens of the text; when that cuts a sentence after a whole word, the last token
     * becomes a full stop so the text still ends like a sentence.
     */
    static String cutToSentence(String text, int count) {
        List<String> tokens = Tokens.split(text);
        if (tokens.size() <= count || count <= 0) {
            return count <= 0 ? "" : text;
        }
        List<String> kept = tokens.subList(0, count);
        String last = kept.getLast();
        if (!endsSentence(last) && count >= 2 && endsWithWord(kept.get(count - 2)) && !startsWithWord(last)) {
            return String.join("", tokens.subList(0, count - 1)) + ".";
        }
        return String.join("", kept);
    }

    private static boolean endsSentence(String token) {
        return token.endsWith(".") || token.endsWith("?") || token.endsWith("!");
    }

    private static boolean endsWithWord(String token) {
        return Character.isLetterOrDigit(token.codePointBefore(token.length()));
    }

    /** A token that starts with a letter continues the word before it (long words are cut into pieces). */
    private static boolean startsWithWord(String token) {
        return Character.isLetterOrDigit(token.codePointAt(0));
    }
}
