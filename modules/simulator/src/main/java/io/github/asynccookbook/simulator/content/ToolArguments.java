package io.github.asynccookbook.simulator.content;

import io.github.asynccookbook.simulator.conversation.ToolSpec;
import io.github.asynccookbook.simulator.conversation.ToolSpec.Parameter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.regex.Pattern.CASE_INSENSITIVE;

/**
 * Fills a tool's parameters from what the prompt offers. Required parameters always get a value (a sensible
 * default when the prompt has none), optional ones only when the prompt offers one. When the prompt lists several
 * subjects for the main text parameter ("weather in Paris and London"), it gives one argument set per subject.
 */
final class ToolArguments {

    /** Parameter name words too generic to look for in a prompt ("the name is …" says nothing). */
    private static final Set<String> GENERIC = Set.of("name", "value", "text", "string", "input", "id", "the",
            "param", "arg", "data");
    private static final String NUMBER = "(-?\\d+(?:\\.\\d+)?)";
    /** A double-quoted, single-quoted or bare value; the groups hold one of the three. */
    private static final String TEXT_VALUE = "(?:\"([^\"]+)\"|'([^']+)'|([\\p{L}\\p{N}][\\p{L}\\p{N}._@-]*))";
    private static final long DEFAULT_NUMBER = 1;

    private final PromptFacts facts;
    private final Set<String> usedText = new HashSet<>();
    private final Set<Integer> usedNumbers = new HashSet<>();

    private ToolArguments(PromptFacts facts) {
        this.facts = facts;
    }

    static List<Map<String, Object>> fill(ToolSpec tool, PromptFacts facts) {
        return new ToolArguments(facts).fill(tool);
    }

    private List<Map<String, Object>> fill(ToolSpec tool) {
        Optional<Parameter> main = mainText(tool);
        List<String> mainValues = main.map(this::mainValues).orElse(List.of());
        var shared = new LinkedHashMap<String, Object>();
        for (Parameter parameter : tool.parameters()) {
            if (main.isPresent() && parameter == main.get()) {
                mainValues.stream().findFirst().ifPresent(value -> shared.put(parameter.name(), value));
            } else {
                value(parameter).ifPresent(value -> shared.put(parameter.name(), value));
            }
        }
        if (mainValues.size() < 2) {
            return List.of(shared);
        }
        var perSubject = new ArrayList<Map<String, Object>>();
        for (String value : mainValues) {
            var arguments = new LinkedHashMap<>(shared);
            arguments.put(main.get().name(), value);
            perSubject.add(arguments);
        }
        return perSubject;
    }

    /** The text parameter the prompt's subject goes to: the first required free-text one, else the first. */
    private static Optional<Parameter> mainText(ToolSpec tool) {
        List<Parameter> texts = tool.parameters().stream()
                .filter(p -> p.type().equals("string") && p.enumValues().isEmpty()).toList();
        return texts.stream().filter(Parameter::required).findFirst().or(() -> texts.stream().findFirst());
    }

    private List<String> mainValues(Parameter parameter) {
        Optional<String> single = namedValue(parameter).or(this::unusedQuote);
        if (single.isPresent()) {
            return List.of(single.get());
        }
        if (!facts.subjects().isEmpty()) {
            usedText.addAll(facts.subjects());
            return facts.subjects();
        }
        return List.of(unusedName().orElse(facts.gist()));
    }

    private Optional<Object> value(Parameter parameter) {
        return switch (parameter.type()) {
            case "number", "integer" -> number(parameter);
            case "boolean" -> parameter.required() || mentioned(parameter) ? Optional.of(true) : Optional.empty();
            case "array" -> parameter.required() ? Optional.of(List.of()) : Optional.empty();
            case "object" -> parameter.required() ? Optional.of(Map.of()) : Optional.empty();
            default -> parameter.enumValues().isEmpty() ? text(parameter).map(Object.class::cast)
                    : choice(parameter).map(Object.class::cast);
        };
    }

    private Optional<String> text(Parameter parameter) {
        Optional<String> offered = namedValue(parameter).or(this::unusedQuote);
        if (offered.isPresent() || !parameter.required()) {
            return offered;
        }
        return unusedName().or(this::unusedSubject).or(() -> Optional.of(facts.gist()));
    }

    /** The enum value the prompt mentions; the first one when it mentions none and the parameter is required. */
    private Optional<String> choice(Parameter parameter) {
        String prompt = facts.text().toLowerCase(Locale.ROOT);
        for (String value : parameter.enumValues()) {
            if (Pattern.compile("\\b" + Pattern.quote(value.toLowerCase(Locale.ROOT)) + "\\b").matcher(prompt).find()) {
                return Optional.of(value);
            }
        }
        return parameter.required() ? Optional.of(parameter.enumValues().getFirst()) : Optional.empty();
    }

    private Optional<Object> number(Parameter parameter) {
        Optional<Number> found = namedNumber(parameter).or(this::unusedNumber);
        if (found.isEmpty() && !parameter.required()) {
            return Optional.empty();
        }
        Number value = found.orElse(DEFAULT_NUMBER);
        return Optional.of(parameter.type().equals("integer") ? (Object) Math.round(value.doubleValue()) : value);
    }

    /** A value written right after the parameter's name: "city Paris", "title: 'Q3 plan'", "to Bob". */
    private Optional<String> namedValue(Parameter parameter) {
        for (String word : nameWords(parameter)) {
            Matcher matcher = Pattern.compile("\\b" + Pattern.quote(word) + "s?\\b\\s*(?:[:=]|is|named|called)?\\s*"
                    + TEXT_VALUE, CASE_INSENSITIVE).matcher(facts.text());
            while (matcher.find()) {
                String quoted = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
                String bare = matcher.group(3);
                String value = quoted != null ? quoted : bare.replaceAll("[.]+$", "");
                if (quoted != null || looksLikeValue(value)) {
                    usedText.add(value);
                    return Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }

    /** A bare word counts as a value when it is a name, or holds a digit or an @ (an id, an address). */
    private static boolean looksLikeValue(String word) {
        return Character.isUpperCase(word.codePointAt(0)) && !Keywords.isStopword(word)
                || word.chars().anyMatch(c -> Character.isDigit(c) || c == '@');
    }

    /** A number written next to the parameter's name: "3 days", "limit 5", "top_k: 4". */
    private Optional<Number> namedNumber(Parameter parameter) {
        for (String word : nameWords(parameter)) {
            String name = Pattern.quote(word) + "s?";
            Matcher matcher = Pattern.compile(NUMBER + "\\s+" + name + "\\b|\\b" + name + "\\s*(?:[:=]|of|is)?\\s*"
                    + NUMBER, CASE_INSENSITIVE).matcher(facts.text());
            if (matcher.find()) {
                Number value = PromptFacts.number(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
                int index = facts.numbers().indexOf(value);
                if (index >= 0) {
                    usedNumbers.add(index);
                }
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    private Optional<Number> unusedNumber() {
        for (int i = 0; i < facts.numbers().size(); i++) {
            if (usedNumbers.add(i)) {
                return Optional.of(facts.numbers().get(i));
            }
        }
        return Optional.empty();
    }

    private Optional<String> unusedQuote() {
        return unused(facts.quoted());
    }

    private Optional<String> unusedName() {
        return unused(facts.names());
    }

    private Optional<String> unusedSubject() {
        return unused(facts.subjects());
    }

    private Optional<String> unused(List<String> values) {
        Optional<String> value = values.stream().filter(v -> !usedText.contains(v)).findFirst();
        value.ifPresent(usedText::add);
        return value;
    }

    private boolean mentioned(Parameter parameter) {
        List<String> promptWords = Keywords.of(facts.text()).stream().map(Keywords::stem).toList();
        return nameWords(parameter).stream().map(Keywords::stem).anyMatch(promptWords::contains);
    }

    private static List<String> nameWords(Parameter parameter) {
        return Keywords.identifierWords(parameter.name()).stream()
                .filter(word -> !GENERIC.contains(word)).toList().reversed();
    }
}
