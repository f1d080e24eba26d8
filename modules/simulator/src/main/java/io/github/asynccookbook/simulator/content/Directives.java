package io.github.asynccookbook.simulator.content;

import io.github.asynccookbook.simulator.Fault;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Per-request instructions a client can give through its prompt alone: {@code [sim:fault=503]} forces a fault,
 * {@code [sim:tokens=40]} sets the answer's length, {@code [sim:tool-loop]} makes the model call its tools again
 * after every tool result (a runaway agent, to test a client's round-trip limit). The model never echoes them.
 */
public record Directives(Optional<Fault> fault, OptionalInt tokens, boolean toolLoop) {

    private static final Pattern DIRECTIVE = Pattern.compile(
            "\\[sim:(?:(fault|tokens)=([A-Za-z0-9-]+)|(tool-loop))]");

    public static Directives parse(String prompt) {
        Optional<Fault> fault = Optional.empty();
        OptionalInt tokens = OptionalInt.empty();
        boolean toolLoop = false;
        Matcher matcher = DIRECTIVE.matcher(prompt);
        while (matcher.find()) {
            String value = matcher.group(2);
            if (matcher.group(3) != null) {
                toolLoop = true;
            } else if (matcher.group(1).equals("fault")) {
                fault = Fault.fromCode(value);
            } else if (value.chars().allMatch(Character::isDigit) && value.length() < 7) {
                tokens = OptionalInt.of(Math.max(1, Integer.parseInt(value)));
            }
        }
        return new Directives(fault, tokens, toolLoop);
    }

    /** The prompt without its directives. */
    public static String strip(String prompt) {
        return DIRECTIVE.matcher(prompt).replaceAll("").strip();
    }
}
