package io.github.asynccookbook.simulator.content;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/** Small numbers as people write them in prompts: digits or the words one to twelve. */
final class NumberWords {

    static final String PATTERN = "\\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve";

    private static final List<String> WORDS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve");

    private NumberWords() {
    }

    /** The value of a digit string or number word, empty when it is neither. */
    static OptionalInt parse(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        int index = WORDS.indexOf(lower);
        if (index >= 0) {
            return OptionalInt.of(index);
        }
        return !lower.isEmpty() && lower.length() < 10 && lower.chars().allMatch(Character::isDigit)
                ? OptionalInt.of(Integer.parseInt(lower)) : OptionalInt.empty();
    }
}
