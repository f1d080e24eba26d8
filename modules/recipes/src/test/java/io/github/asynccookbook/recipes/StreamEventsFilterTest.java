package io.github.asynccookbook.recipes;

import io.github.asynccookbook.recipes.StreamEvents.Filter;
import io.github.asynccookbook.recipes.StreamEvents.Run;
import io.github.asynccookbook.recipes.StreamEvents.StreamEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The filters follow LangChain's rules: any include matches to get in, any exclude takes out, errors always pass. */
class StreamEventsFilterTest {

    private static final Run CHAIN = new Run("chain", "BulletPoints", UUID.randomUUID(), List.of(), List.of("demo"),
            Map.of());
    private static final Run PROMPT = child("prompt", "PromptTemplate", "seq:step:1");
    private static final Run MODEL = child("chat_model", "MistralAiStreamingChatModel", "seq:step:2");
    private static final Run PARSER = child("parser", "StringParser", "seq:step:3");

    private static final List<StreamEvent> EVENTS = List.of(
            new StreamEvent.ChainStart(CHAIN, Instant.EPOCH, Map.of()),
            new StreamEvent.PromptStart(PROMPT, Instant.EPOCH, Map.of()),
            new StreamEvent.ChatModelStream(MODEL, Instant.EPOCH, "Hello"),
            new StreamEvent.ParserStart(PARSER, Instant.EPOCH),
            new StreamEvent.ChainStream(CHAIN, Instant.EPOCH, "Hello"));

    private static Run child(String type, String name, String tag) {
        return new Run(type, name, UUID.randomUUID(), List.of(CHAIN.id()), List.of("demo", tag), Map.of());
    }

    private static List<String> kept(Filter filter) {
        return EVENTS.stream().filter(filter).map(StreamEvent::event).toList();
    }

    @Test
    void everythingKeepsEverything() {
        assertThat(kept(Filter.everything())).hasSize(EVENTS.size());
    }

    @Test
    void includesAreAlternatives() {
        assertThat(kept(Filter.everything().includeTypes("chat_model").includeNames("StringParser")))
                .containsExactly("on_chat_model_stream", "on_parser_start");
        assertThat(kept(Filter.everything().includeTags("seq:step:1", "seq:step:3")))
                .containsExactly("on_prompt_start", "on_parser_start");
    }

    @Test
    void excludesWinOverIncludes() {
        assertThat(kept(Filter.everything().includeTags("demo").excludeTypes("chain").excludeNames("StringParser")))
                .containsExactly("on_prompt_start", "on_chat_model_stream");
        assertThat(kept(Filter.everything().excludeTags("seq:step:2"))).doesNotContain("on_chat_model_stream")
                .hasSize(EVENTS.size() - 1);
    }

    @Test
    void anEmptyIncludeListKeepsNothingAsInPython() {
        assertThat(kept(Filter.everything().includeNames())).isEmpty();
    }

    @Test
    void anErrorPassesEveryFilter() {
        var failed = new StreamEvent.Error(MODEL, Instant.EPOCH, new IllegalStateException("boom"));

        assertThat(Filter.everything().includeNames().excludeTypes("chat_model").test(failed)).isTrue();
    }
}
