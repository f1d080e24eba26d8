package io.github.asynccookbook.simulator.conversation;

import java.util.Map;

/**
 * What shape the client asked the answer to take: free text (the default), JSON (any object, or one that
 * conforms to {@code schema}), or one value of an enum as bare text (Gemini's {@code text/x.enum}).
 *
 * @param schema      the root schema, or null for JSON without a schema ({@code json_object})
 * @param definitions named schemas that {@link JsonShape#ref()} points at ({@code $defs})
 * @param source      the schema as the client sent it, compact; it counts as prompt tokens
 */
public record ResponseFormat(Mode mode, JsonShape schema, Map<String, JsonShape> definitions, String source) {

    public enum Mode { TEXT, JSON, ENUM }

    public static final ResponseFormat TEXT = new ResponseFormat(Mode.TEXT, null, Map.of(), "");

    public ResponseFormat {
        definitions = definitions == null ? Map.of() : Map.copyOf(definitions);
        source = source == null ? "" : source;
    }

    public static ResponseFormat json(JsonShape schema, Map<String, JsonShape> definitions, String source) {
        return new ResponseFormat(Mode.JSON, schema, definitions, source);
    }

    public static ResponseFormat anyJson() {
        return new ResponseFormat(Mode.JSON, null, Map.of(), "");
    }

    public static ResponseFormat enumeration(JsonShape schema, String source) {
        return new ResponseFormat(Mode.ENUM, schema, Map.of(), source);
    }

    /** The definition a {@code $ref} names ({@code #/$defs/Name} or {@code #/definitions/Name}), or null. */
    public JsonShape resolve(String ref) {
        int slash = ref.lastIndexOf('/');
        return definitions.get(slash < 0 ? ref : ref.substring(slash + 1));
    }
}
