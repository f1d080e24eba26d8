package io.github.asynccookbook.simulator;

import java.util.List;

/**
 * Ground truth for one chat request, as the simulator saw it. Times are milliseconds since the simulator
 * started ({@link Simulator#millisAt(long)} converts a client's {@code System.nanoTime()}); a time is null
 * when it never happened.
 *
 * @param arrivalMillis      request headers received
 * @param startMillis        request body read and parsed, and the reply planned: the model's latency counts from
 *                           here (a 19 MB prompt takes a while to read and parse; a short one microseconds)
 * @param firstTokenMillis   first content (text or tool call) written to the client
 * @param completionMillis   the response's last bytes handed to the connection (so a client holding its whole answer
 *                           always finds it counted), or the request failed or the client went away
 * @param status             HTTP status sent (0 when the client left before any)
 * @param plannedTokens      output tokens the reply had
 * @param tokensSent         output tokens actually written
 * @param plannedTtftMillis  TTFT the latency model drew, in real time
 * @param appliedTtftMillis  TTFT actually applied: first content written minus start
 * @param fault              the fault injected, or null
 * @param clientDisconnected the client closed the connection before the response was complete
 * @param messages           the request's messages in order (system, user, model turns, tool calls and results
 *                           the client sent back), texts cut to {@link MessageRecord#MAX_TEXT} characters; the last
 *                           {@value #MAX_MESSAGES} of a longer conversation
 * @param toolCalls          the tool calls the reply made ({@link MessageRecord.Role#TOOL_CALL}), empty for text
 */
public record RequestRecord(long id, Protocol protocol, String model, boolean stream, double arrivalMillis,
                            Double startMillis, Double firstTokenMillis, Double completionMillis, int status, int promptTokens,
                            int plannedTokens, int tokensSent, Double plannedTtftMillis, Double appliedTtftMillis,
                            Fault fault, boolean clientDisconnected, List<MessageRecord> messages,
                            List<MessageRecord> toolCalls) {

    /** A longer conversation keeps its last messages only. */
    public static final int MAX_MESSAGES = 200;

    public RequestRecord {
        messages = messages == null ? List.of() : List.copyOf(messages);
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    /** A record without messages (tests that build records by hand). */
    public RequestRecord(long id, Protocol protocol, String model, boolean stream, double arrivalMillis,
                         Double startMillis, Double firstTokenMillis, Double completionMillis, int status,
                         int promptTokens, int plannedTokens, int tokensSent, Double plannedTtftMillis,
                         Double appliedTtftMillis, Fault fault, boolean clientDisconnected) {
        this(id, protocol, model, stream, arrivalMillis, startMillis, firstTokenMillis, completionMillis, status,
                promptTokens, plannedTokens, tokensSent, plannedTtftMillis, appliedTtftMillis, fault,
                clientDisconnected, List.of(), List.of());
    }

    /** The messages with one role, in order. */
    public List<MessageRecord> messages(MessageRecord.Role role) {
        return messages.stream().filter(m -> m.role() == role).toList();
    }
}
