package io.github.asynccookbook.chapter06;

import dev.langchain4j.model.output.TokenUsage;
import io.github.asynccookbook.recipes.StreamEvents.StreamEvent;
import io.github.asynccookbook.report.ConsoleTable;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** How the examples print events: a table per event type, one line per event, or the counts a filter kept. */
final class EventLog {

    private EventLog() {
    }

    /** Every event type seen, in order of first appearance, with its count and first and last time. */
    static String table(List<StreamEvent> events) {
        Instant start = events.getFirst().timestamp();
        var byType = new LinkedHashMap<String, List<StreamEvent>>();
        events.forEach(event -> byType.computeIfAbsent(event.event(), e -> new ArrayList<>()).add(event));
        var table = new ConsoleTable("Event", "Count", "First", "Last");
        byType.forEach((type, seen) -> table.row(type, seen.size(), offset(start, seen.getFirst()),
                offset(start, seen.getLast())));
        return table.render();
    }

    /** {@code on_chat_model_stream 41, on_chat_model_end 1}: how many of each type, in order. */
    static String counts(List<StreamEvent> events) {
        if (events.isEmpty()) {
            return "(none)";
        }
        Map<String, Long> counts = events.stream()
                .collect(Collectors.groupingBy(StreamEvent::event, LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    /** One line: time since {@code start}, event, run name and what its data says. */
    static String line(StreamEvent event, Instant start) {
        return String.format(Locale.ROOT, "%9s  %-20s %-33s %s", offset(start, event), event.event(), event.name(),
                detail(event)).stripTrailing();
    }

    static String detail(StreamEvent event) {
        return switch (event) {
            case StreamEvent.ChainStart start -> "input " + start.input();
            case StreamEvent.ChainEnd end -> "output " + quoted(end.output());
            case StreamEvent.ChatModelStart start -> start.input().isEmpty() ? ""
                    : "input " + start.input().stream().map(m -> m.type().name()).toList();
            case StreamEvent.ChatModelEnd end -> "tokens " + tokens(end.output().tokenUsage()) + ", finish "
                    + end.output().finishReason();
            case StreamEvent.ToolStart start -> start.input().arguments()
                    + (start.input().id() == null ? "" : "  id " + start.input().id());
            case StreamEvent.ToolEnd end -> "output " + quoted(end.output());
            case StreamEvent.Error failed -> failed.error().getClass().getSimpleName();
            default -> "";
        };
    }

    static String tokens(TokenUsage usage) {
        return usage == null ? "?" : usage.inputTokenCount() + " in / " + usage.outputTokenCount() + " out";
    }

    private static String offset(Instant start, StreamEvent event) {
        return String.format(Locale.ROOT, "+%,d ms", Duration.between(start, event.timestamp()).toMillis());
    }

    private static String quoted(String text) {
        if (text == null) {
            return "null";
        }
        String flat = text.replace("\n", "\\n");
        return "\"" + (flat.length() <= 60 ? flat : flat.substring(0, 57) + "...") + "\"";
    }
}
