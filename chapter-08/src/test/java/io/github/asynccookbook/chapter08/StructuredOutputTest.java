package io.github.asynccookbook.chapter08;

import io.github.asynccookbook.chapter08._01_PromptFunctions.MovieCard;
import io.github.asynccookbook.chapter08._01_PromptFunctions.MovieSummaries;
import io.github.asynccookbook.providers.ModelOptions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.simulator.MessageRecord;
import io.github.asynccookbook.simulator.MessageRecord.Role;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The record-returning method on both providers: the answer parses into the record, schema or no schema. */
class StructuredOutputTest {

    private static final String PROMPT = "Describe a classic comedy movie.";

    @RegisterExtension
    static SimulatorExtension sim = new SimulatorExtension();

    private static MovieSummaries service(String provider, ModelOptions options) {
        Provider chosen = ProviderSet.forSimulator(sim.simulator()).get(provider);
        return _01_PromptFunctions.service(chosen.chatModel(options), chosen.streamingChatModel());
    }

    private static void assertFilledIn(MovieCard card) {
        assertThat(card.title()).isNotBlank();
        assertThat(card.director()).isNotBlank();
        assertThat(card.summary()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void withTheSchemaCapabilityTheSchemaTravelsAndThePromptStaysAsWritten(String provider) {
        MovieCard card = service(provider, _01_PromptFunctions.JSON_SCHEMA).card("comedy");

        assertFilledIn(card);
        List<RequestRecord> requests = sim.simulator().stats().requests();
        assertThat(requests).hasSize(1);
        assertThat(requests.getFirst().messages(Role.USER)).extracting(MessageRecord::text).containsExactly(PROMPT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void withoutItLangChain4jSpellsTheJsonOutInThePrompt(String provider) {
        MovieCard card = service(provider, ModelOptions.defaults()).card("comedy");

        assertFilledIn(card);
        String sent = sim.simulator().stats().requests().getFirst().messages(Role.USER).getFirst().text();
        assertThat(sent).startsWith(PROMPT).contains("You must answer strictly in the following JSON format");
    }
}
