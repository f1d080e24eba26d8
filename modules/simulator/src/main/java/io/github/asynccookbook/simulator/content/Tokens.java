package io.github.asynccookbook.simulator.content;

import io.github.asynccookbook.simulator.conversation.Conversation;
import io.github.asynccookbook.simulator.conversation.TokenizedText;
import io.github.asynccookbook.simulator.conversation.ToolSpec;
import io.github.asynccookbook.simulator.conversation.Turn;

import java.util.ArrayList;
import java.util.Arrays;
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

    /** The text's tokens as strings. */
    public static List<String> split(String text) {
        int[] ends = ends(text);
        var tokens = new ArrayList<String>(ends.length);
        for (int i = 0, start = 0; i < ends.length; start = ends[i++]) {
            tokens.add(text.substring(start, ends[i]));
        }
        return tokens;
    }

    /** The text with its token boundaries, without a string per token. */
    public static TokenizedText tokenize(String text) {
        return new TokenizedText(text, ends(text));
    }

    public static int count(String text) {
        return ends(text).length;
    }

    /**
     * Where each token ends, found in one pass (no regex: this runs for every request and every answer): a line
     * break; blanks then a word (letters, marks, digits, apostrophes); blanks then one other symbol; or blanks left
     * before a line break or the end.
     */
    private static int[] ends(String text) {
        int[] ends = new int[Math.max(4, text.length() / 4)];
        int count = 0;
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
            while (start < end) {
                start = text.offsetByCodePoints(start, Math.min(MAX_PIECE, text.codePointCount(start, end)));
                if (count == ends.length) {
                    ends = Arrays.copyOf(ends, count * 2);
                }
                ends[count++] = start;
            }
        }
        return Arrays.copyOf(ends, count);
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

    /** Prompt tokens of a whole conversation: system text, every turn, the tool declarations and the response schema. */
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
        total += count(conversation.responseFormat().source());
        return Math.max(1, total);
    }
}
