package io.github.asynccookbook.chapter06;

import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every example on both providers against a simulator five times faster than real time, checked against what the
 * simulator recorded. Whether a cancel beats the end of an answer is proven at a slower pace in the recipes' tests;
 * here only outcomes that do not race are asserted.
 */
class ExamplesTest {

    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(c -> c.timeScale(0.2));

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private List<Provider> providers;

    @BeforeEach
    void captureOutput() {
        originalOut = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        providers = ProviderSet.forSimulator(sim.simulator()).select("both");
    }

    @AfterEach
    void restoreOutput() {
        System.setOut(originalOut);
    }

    private String output() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theSourceSnippetPrintsTheStartTheTokensAndOneRowPerEventType() {
        _01_ChainEvents.run(providers, "event streams");

        assertThat(output().lines().filter(line -> line.equals("[Starting: BulletPoints]"))).hasSize(2);
        assertThat(output().lines().filter(line -> line.startsWith("* "))).hasSize(6);   // three bullets each
        for (String type : List.of("on_chain_start", "on_prompt_start", "on_prompt_end", "on_chat_model_start",
                "on_parser_start", "on_chat_model_end", "on_parser_end", "on_chain_end")) {
            assertThat(output().lines().filter(line -> line.matches(type + "\\s+1\\s+\\+[\\d,]+ ms\\s+\\+[\\d,]+ ms")))
                    .as(type).hasSize(2);
        }
        assertThat(output().lines().filter(line -> line.matches("on_chat_model_stream\\s+\\d+\\s.*"))).hasSize(2);
    }

    @Test
    void theChainRunsThreeWaysWithOneAnswer() {
        _02_ChainThreeWays.run(providers, "async");

        assertThat(output().lines().filter(line -> line.matches("invoke      : 3 lines, \\d+ characters"))).hasSize(2);
        assertThat(output().lines().filter(line -> line.matches("invokeAsync : returned after [\\d.]+ ms, "
                + "answered after [\\d,]+ ms \\(\\d+ characters\\)"))).hasSize(2);
        assertThat(sim.simulator().stats().requests()).hasSize(6);
    }

    @Test
    void filtersKeepWhatLangChainWouldKeep() {
        _03_Filtering.run(providers, "filters");

        assertThat(output().lines().filter(line -> line.matches("include_types=\\[chat_model]\\s+"
                + "on_chat_model_start 1, on_chat_model_stream \\d+, on_chat_model_end 1"))).hasSize(2);
        assertThat(output().lines().filter(line -> line.matches("include_types=\\[chain]\\s+on_chain_start 1, "
                + "on_chain_stream \\d+, on_chain_end 1"))).hasSize(2);
        assertThat(output().lines().filter(line -> line.matches("exclude_types=\\[chat_model, chain]\\s+"
                + "on_prompt_start 1, on_prompt_end 1, on_parser_start 1, on_parser_end 1"))).hasSize(2);
        assertThat(sim.simulator().stats().requests()).as("one run per provider, replayed").hasSize(2);
    }

    @Test
    void leavingAfterThreeChunksAndAFailureEndTheStreams() {
        _04_CancelAndFail.run(providers, "cancellation", 3);

        assertThat(output().lines().filter(line -> line.equals("received 10 events: on_chain_start 1, "
                + "on_prompt_start 1, on_prompt_end 1, on_chat_model_start 1, on_parser_start 1, "
                + "on_chat_model_stream 3, on_chain_stream 2"))).hasSize(2);
        List<RequestRecord> cancelled = sim.simulator().stats().requests().stream()
                .filter(r -> r.plannedTokens() == _04_CancelAndFail.ANSWER_TOKENS).toList();
        assertThat(cancelled).hasSize(2);
        for (RequestRecord r : cancelled) {
            assertThat(output()).contains("simulator: sent %d of %d planned tokens, client disconnect recorded: %s"
                    .formatted(r.tokensSent(), r.plannedTokens(), r.clientDisconnected() ? "yes" : "no"));
        }
        assertThat(output()).contains("forced HTTP 500: last event on_error in GoogleAiGeminiStreamingChatModel: "
                + "InternalServerException").contains("forced HTTP 500: last event on_error in "
                + "MistralAiStreamingChatModel: InternalServerException");
    }

    @Test
    void theAiServicesEventsShowBothToolCallsBetweenTwoModelCalls() {
        _05_AiServiceEvents.run(providers, _05_AiServiceEvents.DEFAULT_QUESTION);

        assertThat(output().lines().filter(line -> line.matches(".*on_tool_start\\s+currentWeather\\s+"
                + "\\{\"city\": ?\"(Paris|London)\"}.*"))).hasSize(4);
        assertThat(output().lines().filter(line -> line.contains("on_tool_end") && line.contains("Paris: 18°C")))
                .hasSize(2);
        assertThat(output().lines().filter(line -> line.contains("on_chat_model_end")
                && line.contains("finish TOOL_EXECUTION"))).hasSize(2);
        List<RequestRecord> requests = sim.simulator().stats().requests();
        assertThat(requests).hasSize(4);
        for (RequestRecord r : requests) {   // the events' token usage is what the simulator sent
            assertThat(output()).contains("tokens %d in / %d out".formatted(r.promptTokens(), r.tokensSent()));
        }
        assertThat(output().lines().filter(line -> line.startsWith("simulator: 2 requests, tokens "))).hasSize(2);
    }

    @Test
    void theListenerLogsAndTheRegistryHoldsTtftPerModel() {
        _06_ListenerAndMetrics.run(providers, "metrics");

        assertThat(output()).contains("Micrometer (SimpleMeterRegistry):");
        assertThat(output().lines().filter(line -> line.startsWith("gen_ai.client.operation.time_to_first_chunk(TIMER)")
                && line.contains("count=2.0"))).hasSize(2);   // the failed third call had no first chunk
        assertThat(sim.simulator().stats().requests()).filteredOn(r -> r.status() == 500).hasSize(2);
    }
}
