package io.github.asynccookbook.simulator.conversation;

import java.util.Arrays;

/**
 * A text and where each of its tokens ends. One string and an int array rather than a string per token: a reply
 * stays in memory for its whole stream, and thousands of streams run at once.
 */
public final class TokenizedText {

    public static final TokenizedText EMPTY = new TokenizedText("", new int[0]);

    private final String text;
    private final int[] ends;

    /** @param ends the end offset of each token in {@code text}, ascending; the last one is the text's length */
    public TokenizedText(String text, int[] ends) {
        int last = ends.length == 0 ? 0 : ends[ends.length - 1];
        if (last != text.length()) {
            throw new IllegalArgumentException("tokens end at " + last + ", text at " + text.length());
        }
        this.text = text;
        this.ends = ends.clone();
    }

    public String text() {
        return text;
    }

    public int size() {
        return ends.length;
    }

    /** The text of tokens {@code [from, to)}. */
    public String slice(int from, int to) {
        return from == to ? "" : text.substring(from == 0 ? 0 : ends[from - 1], ends[to - 1]);
    }

    /** The first {@code count} tokens. */
    public TokenizedText first(int count) {
        return count >= ends.length ? this : new TokenizedText(slice(0, count), Arrays.copyOf(ends, count));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TokenizedText that && text.equals(that.text) && Arrays.equals(ends, that.ends);
    }

    @Override
    public int hashCode() {
        return 31 * text.hashCode() + Arrays.hashCode(ends);
    }

    @Override
    public String toString() {
        return ends.length + " tokens: " + text;
    }
}
