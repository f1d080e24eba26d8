package io.github.asynccookbook.chapter03;

import java.util.List;
import java.util.stream.IntStream;

/** The chapter's workload: short, distinct questions with short answers, so runs stay quick and cheap live too. */
final class Questions {

    /** Answers are capped at this many tokens. */
    static final int MAX_ANSWER_TOKENS = 30;

    private Questions() {
    }

    static List<String> numbered(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(n -> "In one sentence, what is special about the number " + n + "?")
                .toList();
    }

    /**
     * What a request costs against a tokens-per-minute limit before we know the answer: about four characters per
     * prompt token, plus the answer cap (Mistral counts output too; for Gemini, which counts input only, it errs on
     * the safe side).
     */
    static long estimatedTokens(String prompt) {
        return prompt.length() / 4 + 1 + MAX_ANSWER_TOKENS;
    }
}
