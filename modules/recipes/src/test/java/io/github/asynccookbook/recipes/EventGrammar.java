package io.github.asynccookbook.recipes;

import io.github.asynccookbook.recipes.StreamEvents.StreamEvent;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grammar every finished run's events obey: the root chain starts first; a run starts once, inside its open
 * parent, streams only while open, and ends once, after its children; one terminal event (the root's end or an
 * error) comes last; time never goes back.
 */
final class EventGrammar {

    private EventGrammar() {
    }

    static void assertHolds(List<StreamEvent> events) {
        assertThat(events).as("events").isNotEmpty();
        assertThat(events.getFirst()).isInstanceOf(StreamEvent.ChainStart.class);
        assertThat(events.getFirst().parentIds()).isEmpty();
        assertThat(events.stream().filter(EventGrammar::terminal)).as("terminal events").hasSize(1);
        assertThat(terminal(events.getLast())).as("the last event is the terminal one: %s", events.getLast()).isTrue();

        Map<UUID, StreamEvent> open = new HashMap<>();
        Set<UUID> ended = new HashSet<>();
        StreamEvent previous = null;
        for (StreamEvent event : events) {
            if (previous != null) {
                assertThat(event.timestamp()).as("time of %s", event.event()).isAfterOrEqualTo(previous.timestamp());
            }
            previous = event;
            UUID id = event.runId();
            switch (kind(event)) {
                case START -> {
                    assertThat(open).as("%s starts once", event.name()).doesNotContainKey(id);
                    assertThat(ended).as("%s starts once", event.name()).doesNotContain(id);
                    assertThat(open.keySet()).as("%s starts inside its parents", event.name())
                            .containsAll(event.parentIds());
                    open.put(id, event);
                }
                case STREAM -> assertThat(open).as("%s streams while open", event.name()).containsKey(id);
                case END -> {
                    assertThat(open).as("%s ends once, after it started", event.name()).containsKey(id);
                    assertThat(open.values()).as("%s ends after its children", event.name())
                            .noneMatch(child -> child.parentIds().contains(id));
                    open.remove(id);
                    ended.add(id);
                }
                case ERROR -> assertThat(open).as("an error in an open run").containsKey(id);
            }
        }
        if (events.getLast() instanceof StreamEvent.ChainEnd) {
            assertThat(open).as("every start has its end").isEmpty();
        }
    }

    private enum Kind { START, STREAM, END, ERROR }

    private static Kind kind(StreamEvent event) {
        return switch (event) {
            case StreamEvent.ChainStart e -> Kind.START;
            case StreamEvent.PromptStart e -> Kind.START;
            case StreamEvent.ChatModelStart e -> Kind.START;
            case StreamEvent.ParserStart e -> Kind.START;
            case StreamEvent.ToolStart e -> Kind.START;
            case StreamEvent.ChainStream e -> Kind.STREAM;
            case StreamEvent.ChatModelStream e -> Kind.STREAM;
            case StreamEvent.ChainEnd e -> Kind.END;
            case StreamEvent.PromptEnd e -> Kind.END;
            case StreamEvent.ChatModelEnd e -> Kind.END;
            case StreamEvent.ParserEnd e -> Kind.END;
            case StreamEvent.ToolEnd e -> Kind.END;
            case StreamEvent.Error e -> Kind.ERROR;
        };
    }

    private static boolean terminal(StreamEvent event) {
        return event instanceof StreamEvent.Error
                || event instanceof StreamEvent.ChainEnd && event.parentIds().isEmpty();
    }
}
