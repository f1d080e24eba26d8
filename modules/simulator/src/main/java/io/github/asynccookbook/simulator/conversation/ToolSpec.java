package io.github.asynccookbook.simulator.conversation;

import java.util.List;

/** A tool the client declared, reduced to what the simulated model needs to call it. */
public record ToolSpec(String name, String description, List<Parameter> parameters) {

    public ToolSpec {
        description = description == null ? "" : description;
        parameters = List.copyOf(parameters);
    }

    /** {@code type} is the JSON-schema type in lower case: string, number, integer, boolean, array or object. */
    public record Parameter(String name, String type, String description, boolean required, List<String> enumValues) {
        public Parameter {
            type = type == null ? "string" : type.toLowerCase(java.util.Locale.ROOT);
            description = description == null ? "" : description;
            enumValues = enumValues == null ? List.of() : List.copyOf(enumValues);
        }
    }
}
