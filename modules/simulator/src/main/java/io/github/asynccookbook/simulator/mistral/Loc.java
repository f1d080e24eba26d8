package io.github.asynccookbook.simulator.mistral;

import com.fasterxml.jackson.databind.node.ArrayNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Where in the request a problem sits, as pydantic's {@code loc}: {@code ["body", "messages", 0, "user", "name"]}.
 * {@link #path()} is the same without {@code "body"}, dot-separated, the form {@code ApiError} details carry.
 */
record Loc(List<Object> parts) {

    static final Loc BODY = new Loc(List.of("body"));

    Loc {
        parts = List.copyOf(parts);
    }

    Loc with(String field) {
        return append(field);
    }

    Loc with(int index) {
        return append(index);
    }

    String path() {
        return String.join(".", parts.subList(1, parts.size()).stream().map(String::valueOf).toList());
    }

    /** The inverse of {@link #path()}: numeric segments become list indices again. */
    static Loc ofPath(String path) {
        Loc loc = BODY;
        for (String segment : path.split("\\.")) {
            loc = segment.chars().allMatch(Character::isDigit) && !segment.isEmpty()
                    ? loc.with(Integer.parseInt(segment))
                    : loc.with(segment);
        }
        return loc;
    }

    ArrayNode toJson() {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (Object part : parts) {
            if (part instanceof Integer index) {
                array.add(index);
            } else {
                array.add((String) part);
            }
        }
        return array;
    }

    private Loc append(Object part) {
        var extended = new ArrayList<>(parts);
        extended.add(part);
        return new Loc(extended);
    }
}
