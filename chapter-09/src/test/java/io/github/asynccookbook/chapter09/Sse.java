package io.github.asynccookbook.chapter09;

import java.util.ArrayList;
import java.util.List;

/** Server-Sent Events as a test reads them: blocks separated by a blank line, comments kept as their own kind. */
record Sse(String event, String data) {

    static final String COMMENT = "(comment)";

    static List<Sse> parse(String body) {
        List<Sse> events = new ArrayList<>();
        for (String block : body.replace("\r\n", "\n").split("\n\n")) {
            if (block.isBlank()) {
                continue;
            }
            String event = "message";
            List<String> data = new ArrayList<>();
            boolean comment = false;
            for (String line : block.split("\n", -1)) {
                if (line.startsWith(":")) {
                    comment = true;
                    data.add(line.substring(1).strip());
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    String value = line.substring(5);
                    data.add(value.startsWith(" ") ? value.substring(1) : value);
                }
            }
            events.add(new Sse(comment ? COMMENT : event, String.join("\n", data)));
        }
        return events;
    }

    static String text(List<Sse> events) {
        StringBuilder text = new StringBuilder();
        events.stream().filter(e -> e.event().equals("token")).forEach(e -> text.append(e.data()));
        return text.toString();
    }
}
