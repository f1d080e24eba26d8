package io.github.asynccookbook.simulator.content;

import io.github.asynccookbook.simulator.conversation.Conversation;
import io.github.asynccookbook.simulator.conversation.ToolSpec;
import io.github.asynccookbook.simulator.conversation.Turn;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulator's tokenizer: a word with its leading space is one token, long words are cut into pieces of
 * at most {@value #MAX_PIECE} characters (code points, so a piece never splits a surrogate pair), punctuation and
 * line breaks stand alone. Close enough to BPE counts for English (about 1.3 tokens a word), and exact for the
 * simulator's own accounting: joining the tokens of any text gives the text back.
 */
public final class Tokens {

    static final int MAX_PIECE = 7;
    /** A line break; a word (letters, marks, digits, apostrophes); one other symbol; or leftover blanks. */
    private static final Pattern TOKEN = Pattern.compile(
            "\\n|[^\\S\\n]*[\\p{L}\\p{M}\\p{N}'’]+|[^\\S\\n]*[^\\s\\p{L}\\p{M}\\p{N}]|[^\\S\\n]+");

    private Tokens() {
    }

    public static List<String> split(String text) {
        var tokens = new ArrayList<String>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            String token = matcher.group();
            int start = 0;
            while (start < token.length()) {
                int codePoints = Math.min(MAX_PIECE, token.codePointCount(start, token.length()));
                int end = token.offsetByCodePoints(start, codePoints);
                tokens.add(token.substring(start, end));
                start = end;
            }
        }
        return tokens;
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
