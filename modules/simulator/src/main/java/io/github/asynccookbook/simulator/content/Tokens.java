package io.github.asynccookbook.simulator.content;

import io.github.asynccookbook.simulator.conversation.Conversation;
import io.github.asynccookbook.simulator.conversation.ToolSpec;
import io.github.asynccookbook.simulator.conversation.Turn;

import java.util.ArrayList;
import java.util.List;

/**
 * The simulator's tokenizer: a word with its leading space is one token, long words are cut into pieces of
 * at most {@value #MAX_PIECE} characters (code points, so a piece never splits a surrogate pair), punctuation and
 * line breaks stand alone. Close enough to BPE counts for English (about 1.3 tokens a word), and exact for the
 * simulator's own accounting: joining the tokens of any text gives the text back.
 */
public final class Tokens {

    static final int MAX_PIECE = 7;

    private Tokens() {
    }

    /**
     * Splits in one pass (no regex: this runs for every request and every answer): a line break; blanks then a word
     * (letters, marks, digits, apostrophes); blanks then one other symbol; or blanks left before a line break or the end.
     */
    public static List<String> split(String text) {
        var tokens = new ArrayList<String>();
        int length = text.length();
        int start = 0;
        while (start < length) {
            int end;
            if (text.charAt(start) == '\n') {
                end = start + 1;
            } else {
                end = start;
                while (end < length && isBlank(text.charAt(end))) {
                    end++;
                }
                if (end < length && isWord(text.codePointAt(end))) {
                    while (end < length && isWord(text.codePointAt(end))) {
                        end += Character.charCount(text.codePointAt(end));
                    }
                } else if (end < length && text.charAt(end) != '\n') {
                    end += Character.charCount(text.codePointAt(end));
                }
            }
            addPieces(tokens, text, start, end);
            start = end;
        }
        return tokens;
    }

    /** Cuts {@code text[start, end)} into pieces of at most {@value #MAX_PIECE} code points. */
    private static void addPieces(List<String> tokens, String text, int start, int end) {
        while (start < end) {
            int pieceEnd = text.offsetByCodePoints(start, Math.min(MAX_PIECE, text.codePointCount(start, end)));
            tokens.add(text.substring(start, pieceEnd));
            start = pieceEnd;
        }
    }

    /** Java regex's {@code \s} less the line break: space, tab, vertical tab, form feed, carriage return. */
    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static boolean isWord(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                 Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                 Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> codePoint == '\'' || codePoint == '\u2019';
        };
    }

    public static int count(String text) {
        return split(text).size();
    }

    /** Prompt tokens of a whole conversation: system text, every turn, and the tool declarations. */
    public static int count(Conversation conversation) {
        int total = count(conversation.system());
        for (Turn turn : conversation.turns()) {
            total += 3 + switch (turn) {
                case Turn.User user -> count(user.text());
                case Turn.Assistant assistant -> count(assistant.text())
                        + assistant.toolCalls().stream().mapToInt(c -> count(c.name() + " " + c.arguments())).sum();
                case Turn.ToolResult result -> count(result.name() + " " + result.content());
            };
        }
        for (ToolSpec tool : conversation.tools()) {
            total += count(tool.name() + " " + tool.description())
                    + tool.parameters().stream().mapToInt(p -> 2 + count(p.name() + " " + p.description())).sum();
        }
        return Math.max(1, total);
    }
}
