package io.github.asynccookbook.simulator.gemini;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.asynccookbook.simulator.protocol.RequestJson;

import java.io.UncheckedIOException;

/**
 * JSON the way Google's front end prints it: {@code "key": value} (a space after the colon, none before), two-space
 * indentation with one member per line and empty containers as {@code []}, or the same on one line for SSE events
 * ({@code {"candidates": [{"content": ...},"index": 0}]}). Jackson's default printer writes {@code " : "} instead.
 */
final class GoogleJson {

    static final ObjectMapper MAPPER = new JsonMapper(RequestJson.factory());

    private static final Separators SEPARATORS = Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    private static final DefaultIndenter LINES = new DefaultIndenter("  ", "\n");
    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter(SEPARATORS)
            .withObjectIndenter(LINES)
            .withArrayIndenter(LINES));
    private static final ObjectWriter ONE_LINE = MAPPER.writer(new DefaultPrettyPrinter(SEPARATORS)
            .withObjectIndenter(DefaultPrettyPrinter.NopIndenter.instance)
            .withArrayIndenter(DefaultPrettyPrinter.NopIndenter.instance));

    private GoogleJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Indented, without a trailing line break. */
    static String pretty(JsonNode node) {
        return write(PRETTY, node);
    }

    /** One line, as in an SSE {@code data:} field. */
    static String oneLine(JsonNode node) {
        return write(ONE_LINE, node);
    }

    private static String write(ObjectWriter writer, JsonNode node) {
        try {
            return writer.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
