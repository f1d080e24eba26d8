package io.github.asynccookbook.simulator.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.asynccookbook.simulator.conversation.JsonShape;
import io.github.asynccookbook.simulator.conversation.JsonShape.Kind;
import io.github.asynccookbook.simulator.conversation.ResponseFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.regex.Pattern.CASE_INSENSITIVE;

/**
 * Writes a structured answer: JSON that conforms to the client's schema (every property, the right types, enum
 * values, arrays of items), filled with values drawn from the prompt ({@link FieldValues}), or the bare enum value
 * for Gemini's {@code text/x.enum}. Deterministic for a prompt, a schema and a seed.
 */
final class JsonAnswer {

    /** Below this depth a nullable value is null and an array is as short as allowed: recursive schemas end. */
    private static final int MAX_DEPTH = 5;
    private static final int MAX_ITEMS = 50;
    private static final Pattern COUNTED = Pattern.compile("\\b(" + NumberWords.PATTERN
            + ")((?:\\s+[\\p{L}-]+){1,3})", CASE_INSENSITIVE);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ResponseFormat format;
    private final FieldValues values;
    private final SplittableRandom random;
    private final List<Count> counts;
    private int arraysAbove;

    private JsonAnswer(ResponseFormat format, Ask ask, PromptFacts facts, SplittableRandom random) {
        this.format = format;
        this.random = random;
        this.values = new FieldValues(ask, facts, random);
        this.counts = counts(facts.text());
    }

    /** The answer text for a JSON or enum response format. */
    static String write(ResponseFormat format, String prompt, SplittableRandom random) {
        var answer = new JsonAnswer(format, Ask.read(prompt), PromptFacts.of(prompt), random);
        if (format.mode() == ResponseFormat.Mode.ENUM) {
            return answer.values.choice(format.schema().enumValues()).asText();
        }
        JsonNode value = format.schema() == null ? answer.free() : answer.value(format.schema(), "", 0);
        return render(value);
    }

    /** JSON without a schema ({@code json_object}): the topic, an answer and a few key points. */
    private JsonNode free() {
        ObjectNode object = NODES.objectNode();
        object.put("topic", values.topic());
        object.put("answer", values.prose(28));
        ArrayNode points = object.putArray("key_points");
        for (int i = 0; i < 3; i++) {
            points.add(values.prose(12));
        }
        return object;
    }

    private JsonNode value(JsonShape shape, String key, int depth) {
        JsonShape resolved = resolve(shape);
        if (!resolved.anyOf().isEmpty() && resolved.kinds().isEmpty()) {
            return alternative(resolved.anyOf(), key, depth);
        }
        if (!resolved.enumValues().isEmpty()) {
            return values.choice(resolved.enumValues());
        }
        Kind kind = kind(resolved, key, depth);
        return switch (kind) {
            case NULL -> NODES.nullNode();
            case OBJECT -> object(resolved, depth);
            case ARRAY -> array(resolved, key, depth);
            case STRING -> NODES.textNode(values.text(key, resolved.format(), resolved.description()));
            case INTEGER -> NODES.numberNode(Math.round(values.number(key, resolved.minimum(), resolved.maximum(), true)));
            case NUMBER -> NODES.numberNode(values.number(key, resolved.minimum(), resolved.maximum(), false));
            case BOOLEAN -> NODES.booleanNode(random.nextBoolean());
        };
    }

    private JsonShape resolve(JsonShape shape) {
        JsonShape current = shape;
        for (int hops = 0; current.ref() != null && hops < 32; hops++) {
            current = format.resolve(current.ref());
        }
        return current;
    }

    /** The first alternative that is not null; null itself once the answer is deep enough to stop. */
    private JsonNode alternative(List<JsonShape> alternatives, String key, int depth) {
        JsonShape chosen = null;
        for (JsonShape alternative : alternatives) {
            JsonShape resolved = resolve(alternative);
            boolean isNull = resolved.kinds().equals(List.of(Kind.NULL));
            if (isNull && depth >= MAX_DEPTH) {
                return NODES.nullNode();
            }
            if (!isNull && chosen == null) {
                chosen = alternative;
            }
        }
        return chosen == null ? NODES.nullNode() : value(chosen, key, depth);
    }

    /** The first type the schema names that is not null; a string when it names none. */
    private Kind kind(JsonShape shape, String key, int depth) {
        if (shape.kinds().contains(Kind.NULL) && depth >= MAX_DEPTH) {
            return Kind.NULL;
        }
        for (Kind kind : shape.kinds()) {
            if (kind != Kind.NULL) {
                return kind;
            }
        }
        if (shape.kinds().contains(Kind.NULL)) {
            return Kind.NULL;
        }
        return !shape.properties().isEmpty() ? Kind.OBJECT : shape.items() != null ? Kind.ARRAY : Kind.STRING;
    }

    private JsonNode object(JsonShape shape, int depth) {
        ObjectNode object = NODES.objectNode();
        for (Map.Entry<String, JsonShape> property : shape.properties().entrySet()) {
            object.set(property.getKey(), value(property.getValue(), property.getKey(), depth + 1));
        }
        for (String name : shape.required()) {
            if (!object.has(name)) {
                object.put(name, values.text(name, null, ""));
            }
        }
        return object;
    }

    private JsonNode array(JsonShape shape, String key, int depth) {
        int size = depth >= MAX_DEPTH ? shape.minItems() : size(key, arraysAbove == 0);
        size = Math.clamp(size, Math.min(shape.minItems(), MAX_ITEMS),
                Math.min(MAX_ITEMS, shape.maxItems() == null ? MAX_ITEMS : Math.max(shape.maxItems(), 0)));
        ArrayNode array = NODES.arrayNode();
        String itemKey = singular(key);
        arraysAbove++;
        for (int i = 0; i < size; i++) {
            array.add(shape.items() == null ? NODES.textNode(values.prose(10)) : value(shape.items(), itemKey, depth + 1));
        }
        arraysAbove--;
        return array;
    }

    /**
     * As many items as the prompt asks for: "three books" for an array named {@code books}, or the first count
     * the prompt gives for the outermost array; otherwise two to four.
     */
    private int size(String key, boolean outermost) {
        List<String> keyStems = Keywords.identifierWords(key).stream().map(Keywords::stem).toList();
        for (Count count : counts) {
            if (count.stems().stream().anyMatch(keyStems::contains)) {
                return count.number();
            }
        }
        if (outermost && !counts.isEmpty()) {
            return counts.getFirst().number();
        }
        return 2 + random.nextInt(3);
    }

    private static List<Count> counts(String prompt) {
        var counts = new ArrayList<Count>();
        Matcher matcher = COUNTED.matcher(prompt);
        while (matcher.find()) {
            int number = NumberWords.parse(matcher.group(1)).orElse(-1);
            if (number >= 1 && number <= MAX_ITEMS) {
                counts.add(new Count(number, Keywords.of(matcher.group(2)).stream().map(Keywords::stem).toList()));
            }
        }
        return counts;
    }

    private static String singular(String key) {
        List<String> words = Keywords.identifierWords(key);
        return words.isEmpty() ? key : Keywords.stem(words.getLast());
    }

    /** Compact JSON with a space after each colon and comma, as the models write it. */
    static String render(JsonNode node) {
        var out = new StringBuilder();
        render(node, out);
        return out.toString();
    }

    private static void render(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            out.append('{');
            var first = new boolean[]{true};
            node.properties().forEach(entry -> {
                out.append(first[0] ? "" : ", ").append(NODES.textNode(entry.getKey())).append(": ");
                first[0] = false;
                render(entry.getValue(), out);
            });
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                out.append(i == 0 ? "" : ", ");
                render(node.get(i), out);
            }
            out.append(']');
        } else {
            out.append(node);
        }
    }

    /** A number the prompt writes and the (stemmed) words after it: "three horror movies". */
    private record Count(int number, List<String> stems) {
    }
}
