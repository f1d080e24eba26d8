package io.github.asynccookbook.simulator.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.asynccookbook.simulator.conversation.Conversation;
import io.github.asynccookbook.simulator.conversation.FinishReason;
import io.github.asynccookbook.simulator.conversation.Reply;
import io.github.asynccookbook.simulator.conversation.ResponseFormat;
import io.github.asynccookbook.simulator.conversation.ToolChoice;
import io.github.asynccookbook.simulator.conversation.Turn;
import io.github.asynccookbook.simulator.protocol.JsonSchemaReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JsonAnswerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOOK = """
            {"type": "object", "properties": {
              "title": {"type": "string"}, "author": {"type": "string"}, "year": {"type": "integer"},
              "genre": {"type": "string", "enum": ["FANTASY", "SCIENCE_FICTION", "MYSTERY"]},
              "rating": {"type": "number", "minimum": 0, "maximum": 5}, "inPrint": {"type": "boolean"},
              "summary": {"type": "string"}},
             "required": ["title", "author", "year", "genre", "rating", "inPrint", "summary"]}""";
    private static final String NESTED = """
            {"type": "object", "properties": {
              "movies": {"type": "array", "items": {"$ref": "#/$defs/Movie"}},
              "note": {"type": ["string", "null"]}},
             "required": ["movies"],
             "$defs": {"Movie": {"type": "object", "properties": {
               "title": {"type": "string"}, "tags": {"type": "array", "items": {"type": "string"}, "maxItems": 2},
               "sequel": {"anyOf": [{"$ref": "#/$defs/Movie"}, {"type": "null"}]}},
              "required": ["title", "tags", "sequel"], "additionalProperties": false}}}""";

    private final ReplyWriter writer = new ReplyWriter();

    @ParameterizedTest
    @ValueSource(strings = {BOOK, NESTED, "{\"type\": \"array\", \"items\": {\"type\": \"integer\"}, \"minItems\": 5}",
            "{\"type\": \"string\", \"enum\": [\"POSITIVE\", \"NEGATIVE\"]}", "{\"const\": 42}"})
    void answersConformToTheSchemaForEverySeed(String schema) throws Exception {
        JsonNode schemaNode = JSON.readTree(schema);
        for (long seed = 0; seed < 50; seed++) {
            Reply reply = write("Recommend three science fiction movies from the 1980s.", schema, seed);

            JsonNode answer = JSON.readTree(reply.text());
            assertThat(Conformance.check(schemaNode, answer)).as(reply.text()).isEmpty();
            assertThat(reply.finishReason()).isEqualTo(FinishReason.STOP);
            assertThat(reply.tokens().size()).isEqualTo(Tokens.count(reply.text()));
        }
    }

    @Test
    void valuesComeFromThePromptWhereItOffersThem() throws Exception {
        JsonNode answer = JSON.readTree(write("Describe the book title \"Dune\", a science_fiction classic with 5 "
                + "rating. Answer briefly.", BOOK, 7).text());

        assertThat(answer.get("title").asText()).isEqualTo("Dune");
        assertThat(answer.get("genre").asText()).isEqualTo("SCIENCE_FICTION");
        assertThat(answer.get("rating").asDouble()).isEqualTo(5.0);
        assertThat(answer.get("year").asInt()).isBetween(1900, 2030);
        assertThat(answer.get("summary").asText()).endsWith(".").hasSizeGreaterThan(20);
    }

    @Test
    void arraysHoldAsManyItemsAsThePromptAsksFor() throws Exception {
        JsonNode answer = JSON.readTree(write("Recommend three movies, one per genre.", NESTED, 1).text());

        assertThat(answer.get("movies")).hasSize(3);
        answer.get("movies").forEach(movie -> assertThat(movie.get("tags").size()).isLessThanOrEqualTo(2));
    }

    @Test
    void theSameRequestGetsTheSameAnswerAndOtherSeedsVary() {
        var answers = new HashSet<String>();
        for (long seed = 0; seed < 10; seed++) {
            String first = write("Recommend a fantasy book.", BOOK, seed).text();
            assertThat(write("Recommend a fantasy book.", BOOK, seed).text()).isEqualTo(first);
            answers.add(first);
        }
        assertThat(answers).hasSizeGreaterThan(5);
    }

    @Test
    void jsonWithoutASchemaIsAnObjectAboutThePrompt() throws Exception {
        Reply reply = writer.write(conversation("Why do cats purr?", ResponseFormat.anyJson()), 3, 100, false, 100_000);

        JsonNode answer = JSON.readTree(reply.text());
        assertThat(answer.isObject()).isTrue();
        assertThat(answer.get("answer").asText()).isNotBlank();
    }

    @Test
    void anEnumFormatAnswersTheBareValueThePromptNames() throws Exception {
        var schema = JsonSchemaReader.read(JSON.readTree("{\"type\": \"string\", \"enum\": [\"POSITIVE\", \"NEGATIVE\"]}"));
        var enumFormat = ResponseFormat.enumeration(schema.schema(), schema.source());

        Reply reply = writer.write(conversation("Is this negative or not? 'Awful food.'", enumFormat), 3, 100, false, 100);

        assertThat(reply.text()).isEqualTo("NEGATIVE");
    }

    @Test
    void aCapCutsTheJsonAndSaysSo() {
        Reply reply = writer.write(conversation("Recommend a fantasy book.", format(BOOK)), 3, 100, false, 10);

        assertThat(reply.tokens().size()).isEqualTo(10);
        assertThat(reply.finishReason()).isEqualTo(FinishReason.LENGTH);
    }

    @Test
    void theSchemaCountsAsPromptTokens() {
        int plain = Tokens.count(conversation("Recommend a fantasy book.", ResponseFormat.TEXT));
        int structured = Tokens.count(conversation("Recommend a fantasy book.", format(BOOK)));

        assertThat(structured - plain).isEqualTo(Tokens.count(format(BOOK).source()));
    }

    @Test
    void formatInstructionsAnAiServiceWritesIntoThePromptAreFollowed() throws Exception {
        String prompt = """
                Recommend a fantasy book with two themes.
                You must answer strictly in the following JSON format: {
                "title": (type: string),
                "year": (type: integer),
                "genre": (type: enum, must be one of [FANTASY, MYSTERY]),
                "themes": (type: array of Book$Theme: {
                "name": (type: string),
                "weight": (type: double)
                }),
                "tags": (type: array of string),
                "inPrint": (type: boolean),
                "published": (type: date string (2023-12-31))
                }""";

        Reply reply = writer.write(conversation(prompt, ResponseFormat.TEXT), 5, 100, false, 100_000);

        JsonNode book = JSON.readTree(reply.text());
        assertThat(book.properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactly("title", "year", "genre", "themes", "tags", "inPrint", "published");
        assertThat(book.get("year").isIntegralNumber()).isTrue();
        assertThat(book.get("genre").asText()).isEqualTo("FANTASY");
        assertThat(book.get("themes")).hasSize(2).allSatisfy(theme -> assertThat(theme.get("weight").isNumber()).isTrue());
        assertThat(book.get("tags").isArray()).isTrue();
        assertThat(book.get("inPrint").isBoolean()).isTrue();
        assertThat(book.get("published").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(book.get("title").asText()).doesNotContain("type");
    }

    @Test
    void enumInstructionsAreAnsweredWithOneValue() {
        String prompt = "Is 'awful food' positive? It is negative.\nYou must answer strictly with one of these enums:\n"
                + "POSITIVE\nNEGATIVE";

        assertThat(writer.write(conversation(prompt, ResponseFormat.TEXT), 5, 100, false, 100).text()).isEqualTo("NEGATIVE");
    }

    private Reply write(String prompt, String schema, long seed) {
        return writer.write(conversation(prompt, format(schema)), seed, 100, false, 100_000);
    }

    private static ResponseFormat format(String schema) {
        try {
            return JsonSchemaReader.read(JSON.readTree(schema));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Conversation conversation(String prompt, ResponseFormat format) {
        return new Conversation("", List.of(new Turn.User(prompt)), List.of(), ToolChoice.AUTO, null, format);
    }
}
