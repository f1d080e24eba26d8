package io.github.asynccookbook.simulator.content;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An answer being written sentence by sentence, with its exact token count known at every step (the text is
 * only ever extended at token boundaries, so counting each added piece is exact).
 */
sealed interface Draft {

    void add(String sentence);

    int tokens();

    String text();

    /** Whether the draft may be cut to length; bullet lists may not, their line count was asked for. */
    boolean shortenable();

    /** Paragraphs of three to five sentences. */
    final class Prose implements Draft {
        private final StringBuilder text = new StringBuilder();
        private final SplittableRandom random;
        private int tokens;
        private int sentencesLeftInParagraph;

        Prose(SplittableRandom random) {
            this.random = random;
            this.sentencesLeftInParagraph = paragraphLength();
        }

        @Override
        public void add(String sentence) {
            String separator = " ";
            if (text.isEmpty()) {
                separator = "";
            } else if (sentencesLeftInParagraph == 0) {
                separator = "\n\n";
                sentencesLeftInParagraph = paragraphLength();
            }
            String piece = separator + sentence;
            text.append(piece);
            tokens += Tokens.count(piece);
            sentencesLeftInParagraph--;
        }

        private int paragraphLength() {
            return 3 + random.nextInt(3);
        }

        @Override
        public int tokens() {
            return tokens;
        }

        @Override
        public String text() {
            return text.toString();
        }

        @Override
        public boolean shortenable() {
            return true;
        }
    }

    /** A fixed number of bullet lines; the first sentences open the lines, later ones go to the shortest line. */
    final class Bullets implements Draft {
        private final int count;
        private final String marker;
        private final List<StringBuilder> lines = new ArrayList<>();
        private final List<Integer> lineTokens = new ArrayList<>();

        Bullets(int count, String marker) {
            this.count = count;
            this.marker = marker;
        }

        @Override
        public void add(String sentence) {
            if (lines.size() < count) {
                String piece = (lines.isEmpty() ? "" : "\n") + marker + sentence;
                lines.add(new StringBuilder(marker).append(sentence));
                lineTokens.add(Tokens.count(piece));
                return;
            }
            int shortest = 0;
            for (int i = 1; i < lineTokens.size(); i++) {
                if (lineTokens.get(i) < lineTokens.get(shortest)) {
                    shortest = i;
                }
            }
            String piece = " " + sentence;
            lines.get(shortest).append(piece);
            lineTokens.set(shortest, lineTokens.get(shortest) + Tokens.count(piece));
        }

        @Override
        public int tokens() {
            return lineTokens.stream().mapToInt(Integer::intValue).sum();
        }

        @Override
        public String text() {
            return String.join("\n", lines);
        }

        @Override
        public boolean shortenable() {
            return false;
        }
    }
}
