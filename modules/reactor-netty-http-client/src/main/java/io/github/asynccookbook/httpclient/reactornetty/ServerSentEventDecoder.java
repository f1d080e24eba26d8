package io.github.asynccookbook.httpclient.reactornetty;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.langchain4j.http.client.sse.ServerSentEvent;
import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;

/**
 * Turns the chunks of an SSE body into events as bytes arrive, with the rules of LangChain4j's
 * {@code DefaultServerSentEventParser} (event:/data: lines, blank line ends an event) but no InputStream and no thread.
 * Lines end at LF, CR or CRLF; a line is decoded as UTF-8 only once complete, so split multi-byte characters survive.
 */
final class ServerSentEventDecoder {

    private final Consumer<ServerSentEvent> sink;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private final StringBuilder data = new StringBuilder();
    private String event;
    private boolean afterCarriageReturn;

    ServerSentEventDecoder(Consumer<ServerSentEvent> sink) {
        this.sink = sink;
    }

    /** Feeds one chunk; complete events go to the sink before this returns. */
    void feed(byte[] chunk) {
        for (byte b : chunk) {
            if (b == '\n' && afterCarriageReturn) {
                afterCarriageReturn = false;
                continue;
            }
            afterCarriageReturn = b == '\r';
            if (b == '\n' || b == '\r') {
                onLine(line.toString(UTF_8));
                line.reset();
            } else {
                line.write(b);
            }
        }
    }

    /** The body ended: a last unterminated line and a last event without a blank line still count. */
    void finish() {
        if (line.size() > 0) {
            onLine(line.toString(UTF_8));
            line.reset();
        }
        if (!data.isEmpty()) {
            emit();
        }
    }

    private void onLine(String text) {
        if (text.isEmpty()) {
            if (!data.isEmpty()) {
                emit();
            }
        } else if (text.startsWith("event:")) {
            event = text.substring("event:".length()).trim();
        } else if (text.startsWith("data:")) {
            if (!data.isEmpty()) {
                data.append('\n');
            }
            data.append(text.substring("data:".length()).trim());
        }
    }

    private void emit() {
        ServerSentEvent sse = new ServerSentEvent(event, data.toString());
        event = null;
        data.setLength(0);
        sink.accept(sse);
    }
}
