package io.github.asynccookbook.simulator.mistral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.mistralai.MistralAiChatModel;
import dev.langchain4j.model.mistralai.MistralAiStreamingChatModel;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.service.AiServices;
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

/** Structured output with LangChain4j 1.18.1's Mistral models: {@code response_format} json_schema and json_object. */
class MistralStructuredOutputTest {

    private static final String MODEL = "mistral-small-latest";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema MOVIES = JsonSchema.builder().name("Movies").rootElement(JsonObjectSchema.builder()
            .addProperty("movies", JsonArraySchema.builder().items(JsonObjectSchema.builder()
                    .addStringProperty("title").addIntegerProperty("year").addNumberProperty("rating")
                    .addProperty("genre", JsonEnumSchema.builder().enumValues("COMEDY", "DRAMA", "HORROR").build())
                    .addStringProperty("summary")
                    .required("title", "year", "genre").build()).build())
            .required("movies").build()).build();

    @RegisterExtension
    static final SimulatorExtension SIM = SimulatorExtension.configured(c -> c);

    enum Genre { COMEDY, DRAMA, HORROR }

    record Movie(String title, int year, Genre genre, String summary) {
    }

    record Picks(List<Movie> movies) {
    }

    interface Critic {
        Picks pick(String request);

        Genre genreOf(String request);

        List<Movie> list(String request);
    }

    @Test
    void aStrictJsonSchemaGetsConformingJsonCountedAsSent() throws Exception {
        ChatResponse response = chatModel(false).chat(ChatRequest.builder()
                .messages(UserMessage.from("Recommend four comedy movies."))
                .responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(MOVIES).build())
                .build());

        JsonNode picks = JSON.readTree(response.aiMessage().text());
        assertThat(Conformance.check(JSON.valueToTree(JsonSchemaElementUtils.toMap(MOVIES.rootElement(), true)),
                picks)).isEmpty();
        assertThat(picks.get("movies")).hasSize(4).allSatisfy(m -> assertThat(m.get("genre").asText()).isEqualTo("COMEDY"));
        RequestRecord record = onlyRecord();
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(record.tokensSent());
        assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(record.promptTokens());
    }

    @Test
    void jsonWithoutASchemaIsAJsonObject() throws Exception {
        ChatResponse response = chatModel(false).chat(ChatRequest.builder()
                .messages(UserMessage.from("Why do cats purr? Answer in JSON."))
                .responseFormat(ResponseFormat.JSON).build());

        assertThat(JSON.readTree(response.aiMessage().text()).isObject()).isTrue();
    }

    @Test
    void aStreamedAnswerComesInManyChunksThatJoinIntoConformingJson() throws Exception {
        ChatRequest request = ChatRequest.builder().messages(UserMessage.from("Recommend two drama movies."))
                .responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(MOVIES).build())
                .build();
        var partials = new CopyOnWriteArrayList<String>();
        var done = new CompletableFuture<ChatResponse>();
        MistralAiStreamingChatModel.builder().baseUrl(SIM.simulator().mistralBaseUrl()).apiKey("any")
                .modelName(MODEL).build().chat(request, new StreamingChatResponseHandler() {
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
        ChatResponse streamed = done.get(10, TimeUnit.SECONDS);

        assertThat(partials).hasSizeGreaterThan(10);
        assertThat(String.join("", partials)).isEqualTo(streamed.aiMessage().text());
        JsonNode picks = JSON.readTree(streamed.aiMessage().text());
        assertThat(Conformance.check(JSON.valueToTree(JsonSchemaElementUtils.toMap(MOVIES.rootElement(), true)),
                picks)).isEmpty();
        assertThat(picks.get("movies")).hasSize(2);
        assertThat(streamed.tokenUsage().outputTokenCount())
                .isEqualTo(SIM.simulator().stats().requests().getFirst().tokensSent());
    }

    @Test
    void anAiServiceReturnsARecord() {
        Critic critic = AiServices.create(Critic.class, chatModel(true));

        Picks picks = critic.pick("Recommend three horror movies.");

        assertThat(picks.movies()).hasSize(3).allSatisfy(movie -> {
            assertThat(movie.genre()).isEqualTo(Genre.HORROR);
            assertThat(movie.title()).isNotBlank();
            assertThat(movie.year()).isBetween(1900, 2030);
        });
    }

    @Test
    void anAiServiceReturnsAnEnumAndAList() {
        Critic critic = AiServices.create(Critic.class, chatModel(true));

        Genre genre = critic.genreOf("Is 'Scream' a comedy or a horror movie? A horror movie.");
        List<Movie> movies = critic.list("List two drama movies.");

        assertThat(genre).isEqualTo(Genre.HORROR);
        assertThat(movies).hasSize(2).allSatisfy(movie -> assertThat(movie.genre()).isEqualTo(Genre.DRAMA));
    }

    static final class Catalogue {
        final List<String> lookedUp = new CopyOnWriteArrayList<>();

        @dev.langchain4j.agent.tool.Tool("Looks up the movies of a genre in the catalogue")
        String moviesOfGenre(@dev.langchain4j.agent.tool.P("the genre") String genre) {
            lookedUp.add(genre);
            return "The catalogue has 12 " + genre + " movies.";
        }
    }

    @Test
    void anAiServiceCallsItsToolFirstThenReturnsTheRecord() {
        var catalogue = new Catalogue();
        Critic critic = AiServices.builder(Critic.class).chatModel(chatModel(true)).tools(catalogue).build();

        Picks picks = critic.pick("Look up the catalogue for genre 'comedy' and recommend two comedy movies.");

        assertThat(catalogue.lookedUp).containsExactly("comedy");
        assertThat(picks.movies()).hasSize(2).allSatisfy(movie -> assertThat(movie.genre()).isEqualTo(Genre.COMEDY));
        assertThat(SIM.simulator().stats().requests()).hasSize(2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"type\":\"xml\"} | 422 | enum",
            "{\"type\":\"json_schema\",\"json_schema\":{\"schema\":{\"type\":\"object\"}}} | 422 | missing",
            "{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"x\",\"schema\":{\"type\":\"object\"},\"extra\":1}} | 422 | extra_forbidden",
            "{\"type\":\"json_schema\"} | 400 | invalid_request_error",
            "{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"x\",\"schema\":{\"type\":\"thing\"}}} | 400 | invalid_request_error",
            "{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"x\",\"schema\":{\"$ref\":\"#/$defs/Nope\"}}} | 400 | invalid_request_error"})
    void anInvalidResponseFormatIsRefusedLikeTheRealApi(String format, int status, String type) throws Exception {
        String body = "{\"model\":\"" + MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],"
                + "\"response_format\":" + format + "}";
        HttpResponse<String> response;
        try (HttpClient client = HttpClient.newHttpClient()) {
            response = client.send(HttpRequest.newBuilder(URI.create(SIM.simulator().mistralBaseUrl() + "/chat/completions"))
                    .header("Authorization", "Bearer any").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode error = JSON.readTree(response.body());
        assertThat(status == 422 ? error.at("/detail/0/type").asText() : error.get("type").asText()).isEqualTo(type);
    }

    private static ChatModel chatModel(boolean forAiServices) {
        var builder = MistralAiChatModel.builder().baseUrl(SIM.simulator().mistralBaseUrl()).apiKey("any")
                .modelName(MODEL).maxRetries(0).strictJsonSchema(true);
        return forAiServices ? builder.supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA).build() : builder.build();
    }

    private static RequestRecord onlyRecord() {
        List<RequestRecord> requests = SIM.simulator().stats().requests();
        assertThat(requests).hasSize(1);
        return requests.getFirst();
    }
}
