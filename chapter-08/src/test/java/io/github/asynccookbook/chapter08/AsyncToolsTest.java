package io.github.asynccookbook.chapter08;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.service.Result;
import dev.langchain4j.service.tool.ToolExecution;
import io.github.asynccookbook.chapter08._03_AsyncTools.BookCatalog;
import io.github.asynccookbook.chapter08._03_AsyncTools.FormatBook;
import io.github.asynccookbook.chapter08._03_AsyncTools.ToolRun;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.simulator.MessageRecord;
import io.github.asynccookbook.simulator.MessageRecord.Role;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tools lesson on both providers, checked against the tools' own timestamps and the simulator's records. */
class AsyncToolsTest {

    /** Long enough that three lookups run one after another can never be mistaken for overlapping ones. */
    private static final Duration LOOKUP = Duration.ofMillis(500);

    @RegisterExtension
    static SimulatorExtension sim = new SimulatorExtension();

    private static ChatModel model(String provider) {
        return ProviderSet.forSimulator(sim.simulator()).get(provider).chatModel();
    }

    private static List<RequestRecord> requests() {
        return sim.simulator().stats().requests();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void formatBookRunsWithTheArgumentsTheModelSentAndNothingGoesBack(String provider) {
        String output = _03_AsyncTools.recommendBook(model(provider), new FormatBook(LOOKUP), "fantasy",
                _03_AsyncTools.WISH_LIST).block();

        assertThat(requests()).hasSize(1);
        MessageRecord call = requests().getFirst().toolCalls().getFirst();
        assertThat(call.toolName()).isEqualTo("formatBook");
        assertThat(output).isEqualTo(call.arguments().get("title") + " by " + call.arguments().get("author"))
                .isEqualTo("The Name of the Wind by Patrick Rothfuss");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void argumentsReachTheToolsAsSentAndTheResultsReachTheModel(String provider) {
        var catalog = new BookCatalog(LOOKUP);

        Result<String> result = _03_AsyncTools.ask(_03_AsyncTools.librarian(model(provider), catalog, true),
                _03_AsyncTools.THREE_BOOKS).block();

        assertThat(requests()).hasSize(2);
        List<String> titlesSent = requests().getFirst().toolCalls().stream()
                .map(call -> String.valueOf(call.arguments().get("title"))).toList();
        assertThat(titlesSent).containsExactly("Dune", "Emma", "Ulysses");
        assertThat(catalog.runs()).extracting(ToolRun::title).containsExactlyInAnyOrderElementsOf(titlesSent);
        assertThat(requests().get(1).messages(Role.TOOL_RESULT)).extracting(MessageRecord::text).containsExactly(
                "Dune: Frank Herbert, 1965", "Emma: Jane Austen, 1815", "Ulysses: James Joyce, 1922");
        assertThat(result.content()).contains("Frank Herbert, 1965", "Jane Austen, 1815", "James Joyce, 1922");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void concurrentToolsOverlapOnVirtualThreadsAndSequentialOnesDoNot(String provider) {
        var sequential = new BookCatalog(LOOKUP);
        var concurrent = new BookCatalog(LOOKUP);

        _03_AsyncTools.ask(_03_AsyncTools.librarian(model(provider), sequential, false),
                _03_AsyncTools.THREE_BOOKS).block();
        _03_AsyncTools.ask(_03_AsyncTools.librarian(model(provider), concurrent, true),
                _03_AsyncTools.THREE_BOOKS).block();

        assertThat(sequential.runs()).hasSize(3);
        assertThat(_03_AsyncTools.oneAfterAnother(sequential.runs())).isTrue();
        assertThat(_03_AsyncTools.allAtOnce(sequential.runs())).isFalse();
        assertThat(concurrent.runs()).hasSize(3).allMatch(ToolRun::virtualThread);
        assertThat(_03_AsyncTools.allAtOnce(concurrent.runs())).isTrue();
        assertThat(_03_AsyncTools.oneAfterAnother(concurrent.runs())).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void aFailingToolSendsItsErrorToTheModelAndTheTurnGoesOn(String provider) {
        Result<String> result = _03_AsyncTools.ask(
                _03_AsyncTools.librarian(model(provider), new BookCatalog(LOOKUP), true),
                _03_AsyncTools.UNKNOWN_BOOK).block();

        String error = "lookupBook failed: no book titled 'Necronomicon' in the catalogue";
        assertThat(result.toolExecutions()).singleElement().satisfies(execution -> {
            assertThat(execution.hasFailed()).isTrue();
            assertThat(execution.result()).isEqualTo(error);
        });
        assertThat(requests()).hasSize(2);
        assertThat(requests().get(1).messages(Role.TOOL_RESULT)).extracting(MessageRecord::text)
                .containsExactly(error);
        assertThat(result.content()).contains(error);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void maxToolCallingRoundTripsStopsAModelThatNeverStopsCalling(String provider) {
        var catalog = new BookCatalog(Duration.ofMillis(1));

        assertThatThrownBy(() -> _03_AsyncTools.ask(_03_AsyncTools.librarian(model(provider), catalog, true),
                "Find the author of Dune. [sim:tool-loop]").block())
                .hasMessageContaining("exceeded 3 tool calling round trips");

        assertThat(catalog.runs()).hasSize(3);
        assertThat(requests()).hasSize(4).allSatisfy(request -> assertThat(request.toolCalls()).hasSize(1));
        assertThat(requests().getLast().messages(Role.TOOL_RESULT)).hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void everyToolExecutionIsReportedInTheResult(String provider) {
        Result<String> result = _03_AsyncTools.ask(
                _03_AsyncTools.librarian(model(provider), new BookCatalog(Duration.ofMillis(1)), false),
                _03_AsyncTools.THREE_BOOKS).block();

        assertThat(result.toolExecutions()).extracting(ToolExecution::result).containsExactly(
                "Dune: Frank Herbert, 1965", "Emma: Jane Austen, 1815", "Ulysses: James Joyce, 1922");
    }
}
