package io.github.asynccookbook.simulator.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.Result;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.content.Conformance;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Structured output with LangChain4j 1.18.1's Gemini models: {@code responseMimeType} + {@code responseSchema}. */
class GeminiStructuredOutputTest {

    private static final String FLASH = "gemini-2.5-flash";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema BOOK = JsonSchema.builder().name("Book").rootElement(JsonObjectSchema.builder()
            .addStringProperty("title").addStringProperty("author").addIntegerProperty("year")
            .addProperty("genre", JsonEnumSchema.builder().enumValues("FANTASY", "SCIENCE_FICTION", "MYSTERY").build())
            .addProperty("themes", JsonArraySchema.builder().items(JsonObjectSchema.builder()
                    .addStringProperty("name").addNumberProperty("weight").addBooleanProperty("central")
                    .required("name", "weight", "central").build()).build())
            .required("title", "author", "year", "genre", "themes").build()).build();

    @RegisterExtension
    static final SimulatorExtension SIM = SimulatorExtension.configured(c -> c);

    enum Genre { FANTASY, SCIENCE_FICTION, MYSTERY }

    record Book(String title, String author, int year, Genre genre) {
    }

    interface Librarian {
        Book recommend(String request);

        Result<Book> recommendWithUsage(String request);
    }

    @Test
    void aChatRequestWithASchemaGetsConformingJsonCountedAsSent() throws Exception {
        ChatResponse response = chatModel().chat(ChatRequest.builder()
                .messages(UserMessage.from("Recommend a science_fiction book with three themes."))
                .responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(BOOK).build())
                .build());

        JsonNode book = JSON.readTree(response.aiMessage().text());
        assertThat(Conformance.check(schemaOf(BOOK), book)).isEmpty();
        assertThat(book.get("genre").asText()).isEqualTo("SCIENCE_FICTION");
        assertThat(book.get("themes")).hasSize(3);
        RequestRecord record = onlyRecord();
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(record.tokensSent());
        assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(record.promptTokens());
    }

    @Test
    void aStreamedAnswerComesInSeveralChunksThatJoinIntoTheSameJson() throws Exception {
        ChatRequest request = ChatRequest.builder()
                .messages(UserMessage.from("Recommend a fantasy book with five themes. Explain each in detail."))
                .responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(BOOK).build())
                .build();
        var partials = new CopyOnWriteArrayList<String>();

        ChatResponse streamed = stream(request, partials);
        String unary = chatModel().chat(request).aiMessage().text();

        assertThat(partials).hasSizeGreaterThan(1);
        assertThat(String.join("", partials)).isEqualTo(streamed.aiMessage().text()).isEqualTo(unary);
        assertThat(Conformance.check(schemaOf(BOOK), JSON.readTree(unary))).isEmpty();
        assertThat(streamed.tokenUsage().outputTokenCount())
                .isEqualTo(SIM.simulator().stats().requests().getFirst().tokensSent());
    }

    @Test
    void anAiServiceReturnsARecord() {
        GoogleAiGeminiChatModel model = GoogleAiGeminiChatModel.builder().baseUrl(SIM.simulator().geminiBaseUrl())
                .apiKey("any").modelName(FLASH).maxRetries(0)
                .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA).build();
        Librarian librarian = AiServices.create(Librarian.class, model);

        Book book = librarian.recommend("Recommend a mystery book by title 'The Quiet Harbor'.");
        Result<Book> result = librarian.recommendWithUsage("Recommend a fantasy book.");

        assertThat(book.title()).isEqualTo("The Quiet Harbor");
        assertThat(book.genre()).isEqualTo(Genre.MYSTERY);
        assertThat(book.author()).isNotBlank();
        assertThat(result.content().genre()).isEqualTo(Genre.FANTASY);
        assertThat(result.tokenUsage().outputTokenCount())
                .isEqualTo(SIM.simulator().stats().requests().getLast().tokensSent());
    }

    interface PlainLibrarian {
        Book recommend(String request);

        Genre classify(String request);
    }

    @Test
    void withoutSchemaSupportAnAiServiceGetsJsonForTheFormatItSpelledOutInThePrompt() {
        ChatModel plain = chatModel();
        PlainLibrarian librarian = AiServices.create(PlainLibrarian.class, plain);

        Book book = librarian.recommend("Recommend a fantasy book.");
        Genre genre = librarian.classify("Which genre is a whodunit, MYSTERY or FANTASY? It is a mystery.");

        assertThat(book.genre()).isEqualTo(Genre.FANTASY);
        assertThat(book.title()).isNotBlank();
        assertThat(book.year()).isBetween(1900, 2030);
        assertThat(genre).isEqualTo(Genre.MYSTERY);
    }

    @Test
    void anEnumSchemaIsAnsweredAsABareValue() {
        ChatResponse response = chatModel().chat(ChatRequest.builder()
                .messages(UserMessage.from("Classify: 'I loved it'. Is it POSITIVE or NEGATIVE? positive, surely."))
                .responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(JsonSchema.builder()
                        .name("Sentiment").rootElement(JsonEnumSchema.builder().enumValues("POSITIVE", "NEGATIVE")
                                .build()).build()).build())
                .build());

        assertThat(response.aiMessage().text()).isIn("POSITIVE", "NEGATIVE");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"type\":\"OBJECT\"} | * GenerateContentRequest.generation_config.response_schema.properties: should be non-empty for OBJECT type",
            "{\"type\":\"OBJECT\",\"properties\":{\"a\":{\"type\":\"ARRAY\"}}} | * GenerateContentRequest.generation_config.response_schema.properties[\"a\"].items: missing field.",
            "{\"type\":\"STRING\",\"properties\":{\"a\":{\"type\":\"STRING\"}}} | * GenerateContentRequest.generation_config.response_schema.properties: only allowed for OBJECT type",
            "{\"type\":\"OBJECT\",\"properties\":{\"a\":{\"type\":\"STRING\"}},\"required\":[\"b\"]} | * GenerateContentRequest.generation_config.response_schema.required[0]: property is not defined",
            "{\"type\":\"WORD\"} | Invalid value at 'generation_config.response_schema.type' (type.googleapis.com/google.ai.generativelanguage.v1beta.Type), \"WORD\"",
            "{\"type\":\"OBJECT\",\"properties\":{\"a\":{\"type\":\"STRING\",\"additionalProperties\":false}}} | Invalid JSON payload received. Unknown name \"additionalProperties\" at 'generation_config.response_schema.properties[0].value': Cannot find field."})
    void anInvalidSchemaIsRefusedWithGooglesMessage(String schema, String message) throws Exception {
        HttpResponse<String> response = generate("{\"responseMimeType\":\"application/json\",\"responseSchema\":"
                + schema + "}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error.get("status").asText()).isEqualTo("INVALID_ARGUMENT");
        assertThat(error.get("message").asText().strip()).isEqualTo(message);
    }

    @Test
    void aSchemaNeedsAJsonOrEnumMimeType() throws Exception {
        HttpResponse<String> response = generate("{\"responseSchema\":{\"type\":\"STRING\"}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).at("/error/message").asText()).contains("response_mime_type");
    }

    @Test
    void aResponseJsonSchemaKeepsItsKeyOrderAndAResponseSchemaIsAlphabetical() throws Exception {
        String properties = "\"properties\":{\"zeta\":{\"type\":\"string\"},\"alpha\":{\"type\":\"integer\"}}";
        HttpResponse<String> jsonSchema = generate("{\"responseMimeType\":\"application/json\","
                + "\"responseJsonSchema\":{\"type\":\"object\"," + properties + "}}");
        HttpResponse<String> openApi = generate("{\"responseMimeType\":\"application/json\","
                + "\"responseSchema\":{\"type\":\"OBJECT\"," + properties + "}}");
        HttpResponse<String> ordered = generate("{\"responseMimeType\":\"application/json\","
                + "\"responseSchema\":{\"type\":\"OBJECT\",\"propertyOrdering\":[\"zeta\",\"alpha\"]," + properties + "}}");

        assertThat(keys(jsonSchema)).containsExactly("zeta", "alpha");
        assertThat(keys(openApi)).containsExactly("alpha", "zeta");
        assertThat(keys(ordered)).containsExactly("zeta", "alpha");
    }

    private static List<String> keys(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String text = JSON.readTree(response.body()).at("/candidates/0/content/parts/0/text").asText();
        var keys = new java.util.ArrayList<String>();
        JSON.readTree(text).fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static HttpResponse<String> generate(String generationConfig) throws Exception {
        String body = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Recommend a book.\"}]}],"
                + "\"generationConfig\":" + generationConfig + "}";
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create(SIM.simulator().geminiBaseUrl() + "/models/" + FLASH
                            + ":generateContent")).header("x-goog-api-key", "any").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static JsonNode schemaOf(JsonSchema schema) throws Exception {
        return JSON.valueToTree(JsonSchemaElementUtils.toMap(schema.rootElement()));
    }

    private static ChatModel chatModel() {
        return GoogleAiGeminiChatModel.builder().baseUrl(SIM.simulator().geminiBaseUrl()).apiKey("any")
                .modelName(FLASH).maxRetries(0).build();
    }

    private static ChatResponse stream(ChatRequest request, List<String> partials) throws Exception {
        StreamingChatModel model = GoogleAiGeminiStreamingChatModel.builder()
                .baseUrl(SIM.simulator().geminiBaseUrl()).apiKey("any").modelName(FLASH).build();
        var done = new CompletableFuture<ChatResponse>();
        model.chat(request, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                partials.add(partial);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        return done.get(10, TimeUnit.SECONDS);
    }

    private static RequestRecord onlyRecord() {
        List<RequestRecord> requests = SIM.simulator().stats().requests();
        assertThat(requests).hasSize(1);
        return requests.getFirst();
    }
}
