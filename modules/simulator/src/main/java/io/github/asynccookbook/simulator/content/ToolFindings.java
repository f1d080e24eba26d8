package io.github.asynccookbook.simulator.content;

import io.github.asynccookbook.simulator.conversation.Conversation;
import io.github.asynccookbook.simulator.conversation.ToolCall;
import io.github.asynccookbook.simulator.conversation.ToolSpec;
import io.github.asynccookbook.simulator.conversation.Turn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.regex.Pattern.CASE_INSENSITIVE;

/**
 * One sentence per tool result at the end of a conversation, saying what the tool returned for what it was
 * asked: {@code getWeather(city=Paris) → "sunny"} becomes "The weather in Paris is sunny."
 */
final class ToolFindings {

    /** Name prefixes of tools that fetch a value: what follows them names the value ("getWeather" → weather). */
    private static final Set<String> FETCH_VERBS = Set.of("get", "fetch", "read", "retrieve", "load", "check",
            "obtain", "request", "lookup");
    private static final Pattern LAST_PREPOSITION = Pattern.compile(
            "(?s).*\\b(in|for|of|at|on|from|to|near)\\b[^?.!;\\n]*$", CASE_INSENSITIVE);
    private static final int SHORT_RESULT_WORDS = 20;
    private static final int MAX_RESULT_CHARS = 300;

    private ToolFindings() {
    }

    /** @param prompt the user's last prompt, directives removed */
    static List<String> of(Conversation conversation, String prompt) {
        List<Turn> turns = conversation.turns();
        int first = turns.size();
        while (first > 0 && turns.get(first - 1) instanceof Turn.ToolResult) {
            first--;
        }
        List<ToolCall> calls = first > 0 && turns.get(first - 1) instanceof Turn.Assistant assistant
                ? assistant.toolCalls() : List.of();
        var remaining = new ArrayList<>(calls);
        var findings = new ArrayList<String>();
        for (Turn turn : turns.subList(first, turns.size())) {
            var result = (Turn.ToolResult) turn;
            Optional<ToolCall> call = matchingCall(remaining, result);
            call.ifPresent(remaining::remove);
            String name = result.name() != null ? result.name() : call.map(ToolCall::name).orElse("tool");
            List<String> values = call.map(c -> values(c, conversation.tools())).orElse(List.of());
            findings.add(sentence(name, values, result.content(), prompt));
        }
        return findings;
    }

    /** The call a result answers: by id (Mistral), else the earliest unanswered call of that name (Gemini). */
    private static Optional<ToolCall> matchingCall(List<ToolCall> calls, Turn.ToolResult result) {
        return calls.stream().filter(c -> result.callId() != null && result.callId().equals(c.id())).findFirst()
                .or(() -> calls.stream().filter(c -> c.name().equals(result.name())).findFirst());
    }

    /** The argument values in declaration order (the call's own map has no order). */
    private static List<String> values(ToolCall call, List<ToolSpec> tools) {
        List<String> order = tools.stream().filter(t -> t.name().equals(call.name())).findFirst()
                .map(t -> t.parameters().stream().map(ToolSpec.Parameter::name).toList())
                .orElseGet(() -> call.arguments().keySet().stream().sorted().toList());
        return order.stream().map(call.arguments()::get).filter(Objects::nonNull)
                .map(value -> Directives.strip(String.valueOf(value)))
                .filter(value -> !value.isBlank() && !value.equals("[]") && !value.equals("{}")).toList();
    }

    private static String sentence(String toolName, List<String> values, String content, String prompt) {
        String result = shorten(content == null ? "" : Directives.strip(content).replaceAll("\\s+", " "));
        if (result.isEmpty()) {
            return "The " + toolName + " call returned no data.";
        }
        List<String> words = Keywords.identifierWords(toolName);
        boolean fetches = words.size() > 1 && FETCH_VERBS.contains(words.getFirst());
        boolean plain = result.split(" ").length <= SHORT_RESULT_WORDS && !result.startsWith("{")
                && !result.startsWith("[");
        if (fetches && plain) {
            String what = String.join(" ", words.subList(1, words.size()));
            String where = values.isEmpty() ? ""
                    : " " + preposition(values.getFirst(), prompt) + " " + values.getFirst();
            return fullStop("The " + what + where + " is " + result);
        }
        String where = values.isEmpty() ? "" : " for " + String.join(" and ", values);
        return fullStop("Here is what " + toolName + " returned" + where + ": " + result);
    }

    /** The preposition the user put before the value ("weather in Paris and London"), "for" when there is none. */
    private static String preposition(String value, String prompt) {
        int at = prompt.indexOf(value);
        Matcher matcher = LAST_PREPOSITION.matcher(at < 0 ? "" : prompt.substring(0, at));
        return matcher.find() ? matcher.group(1).toLowerCase(Locale.ROOT) : "for";
    }

    private static String shorten(String text) {
        if (text.length() <= MAX_RESULT_CHARS) {
            return text;
        }
        int cut = text.lastIndexOf(' ', MAX_RESULT_CHARS);
        return text.substring(0, cut > 0 ? cut : MAX_RESULT_CHARS) + "…";
    }

    private static String fullStop(String sentence) {
        return sentence.matches("(?s).*[.!?…]$") ? sentence : sentence + ".";
    }
}
