package io.github.asynccookbook.simulator.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.asynccookbook.simulator.conversation.JsonShape;
import io.github.asynccookbook.simulator.conversation.JsonShape.Kind;
import io.github.asynccookbook.simulator.conversation.ResponseFormat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the output format a LangChain4j AI service writes into the prompt when the model does not declare JSON
 * schema support: {@code You must answer strictly in the following JSON format: {"title": (type: string), …}} for
 * a record, {@code You must answer strictly with one of these enums:} for an enum. A real model follows those
 * instructions, so the simulated one answers with JSON (or the bare enum value) too.
 */
final class FormatInstructions {

    static final String JSON_MARKER = "You must answer strictly in the following JSON format: ";
    static final String ENUM_MARKER = "You must answer strictly with one of these enums:";

    private final String text;
    private int at;

    private FormatInstructions(String text, int at) {
        this.text = text;
        this.at = at;
    }

    /** The prompt without the instructions, and the format they ask for; empty when the prompt has none. */
    record Found(String prompt, ResponseFormat format) {
    }

    static Optional<Found> read(String prompt) {
        int json = prompt.lastIndexOf(JSON_MARKER);
        if (json >= 0) {
            try {
                var reader = new FormatInstructions(prompt, json + JSON_MARKER.length());
                JsonShape shape = reader.value();
                return Optional.of(new Found(prompt.substring(0, json).strip(),
                        ResponseFormat.json(shape, Map.of(), "")));
            } catch (IllegalArgumentException unreadable) {
                return Optional.empty();
            }
        }
        int enums = prompt.lastIndexOf(ENUM_MARKER);
        if (enums >= 0) {
            List<JsonNode> values = Arrays.stream(prompt.substring(enums + ENUM_MARKER.length()).split("\n"))
                    .map(String::strip).filter(line -> !line.isEmpty()).map(line -> (JsonNode) TextNode.valueOf(line))
                    .toList();
            if (!values.isEmpty()) {
                JsonShape shape = new JsonShape(List.of(Kind.STRING), null, null, null, null, values, null, null, 0,
                        null, null, null, null);
                return Optional.of(new Found(prompt.substring(0, enums).strip(), ResponseFormat.enumeration(shape, "")));
            }
        }
        return Optional.empty();
    }

    /** An object ({@code {"a": (type: …), …}}) or a type description ({@code array of string}). */
    private JsonShape value() {
        skipBlanks();
        if (peek() == '{') {
            return object();
        }
        throw new IllegalArgumentException("expected '{' at " + at);
    }

    private JsonShape object() {
        expect('{');
        Map<String, JsonShape> properties = new LinkedHashMap<>();
        skipBlanks();
        while (peek() != '}') {
            expect('"');
            int end = text.indexOf('"', at);
            if (end < 0) {
                throw new IllegalArgumentException("unterminated name");
            }
            String name = text.substring(at, end);
            at = end + 1;
            skipBlanks();
            expect(':');
            skipBlanks();
            expect('(');
            properties.put(name, type());
            expect(')');
            skipBlanks();
            if (peek() == ',') {
                at++;
            }
            skipBlanks();
        }
        expect('}');
        return shape(List.of(Kind.OBJECT), properties, null, List.of(), null);
    }

    /** {@code type: string}, {@code type: enum, must be one of [A, B]}, {@code type: array of Theme: {…}}, … */
    private JsonShape type() {
        skipBlanks();
        if (text.startsWith("type:", at)) {
            at += "type:".length();
        }
        skipBlanks();
        JsonShape shape = typeName();
        skipTo(')');
        return shape;
    }

    private JsonShape typeName() {
        if (text.startsWith("array of ", at)) {
            at += "array of ".length();
            return shape(List.of(Kind.ARRAY), null, typeName(), List.of(), null);
        }
        if (text.startsWith("enum, must be one of [", at)) {
            at += "enum, must be one of [".length();
            int end = text.indexOf(']', at);
            if (end < 0) {
                throw new IllegalArgumentException("unterminated enum");
            }
            List<JsonNode> values = Arrays.stream(text.substring(at, end).split(","))
                    .map(String::strip).filter(v -> !v.isEmpty()).map(v -> (JsonNode) TextNode.valueOf(v)).toList();
            at = end + 1;
            return shape(List.of(Kind.STRING), null, null, values, null);
        }
        for (var simple : List.of(
                Map.entry("date-time string", "date-time"), Map.entry("date string", "date"),
                Map.entry("time string", "time"))) {
            if (text.startsWith(simple.getKey(), at)) {
                at += simple.getKey().length();
                skipParenthesised();
                return shape(List.of(Kind.STRING), null, null, List.of(), simple.getValue());
            }
        }
        int start = at;
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || "$_.<>".indexOf(text.charAt(at)) >= 0)) {
            at++;
        }
        String name = text.substring(start, at);
        if (text.startsWith(": {", at)) {
            at += 2;
            return object();
        }
        return switch (name) {
            case "string", "char", "Character" -> shape(List.of(Kind.STRING), null, null, List.of(), null);
            case "integer", "int", "long", "short", "byte", "Integer", "Long", "BigInteger" ->
                    shape(List.of(Kind.INTEGER), null, null, List.of(), null);
            case "double", "float", "number", "Double", "Float", "BigDecimal" ->
                    shape(List.of(Kind.NUMBER), null, null, List.of(), null);
            case "boolean", "Boolean" -> shape(List.of(Kind.BOOLEAN), null, null, List.of(), null);
            default -> shape(List.of(Kind.STRING), null, null, List.of(), null);
        };
    }

    private static JsonShape shape(List<Kind> kinds, Map<String, JsonShape> properties, JsonShape items,
                                   List<JsonNode> enumValues, String format) {
        List<String> required = properties == null ? List.of() : new ArrayList<>(properties.keySet());
        return new JsonShape(kinds, null, format, properties, required, enumValues, items, null, 0, null, null,
                null, null);
    }

    /** Skips to the closing parenthesis of the property, past a description and nested parentheses. */
    private void skipTo(char close) {
        int depth = 0;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '(') {
                depth++;
            } else if (c == close) {
                if (depth == 0) {
                    return;
                }
                depth--;
            }
            at++;
        }
        throw new IllegalArgumentException("unterminated type");
    }

    private void skipParenthesised() {
        skipBlanks();
        if (peek() == '(') {
            at++;
            skipTo(')');
            at++;
        }
    }

    private void skipBlanks() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private char peek() {
        if (at >= text.length()) {
            throw new IllegalArgumentException("unexpected end");
        }
        return text.charAt(at);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw new IllegalArgumentException("expected '" + c + "' at " + at);
        }
        at++;
    }
}
