package io.github.asynccookbook.simulator.engine;

import io.github.asynccookbook.simulator.Fault;
import io.github.asynccookbook.simulator.MessageRecord;
import io.github.asynccookbook.simulator.Protocol;
import io.github.asynccookbook.simulator.RequestRecord;

import java.util.List;

/**
 * What happens to one chat request, filled in as it happens. Written by the request's own pipeline (one thread at a
 * time), read for snapshots; fields are volatile so a snapshot never sees a torn state of a single field.
 */
final class RequestTrace {

    final long id;
    final Protocol protocol;
    final long arrivalNanos;
    volatile String model = "(unknown)";
    volatile boolean modelCounted;
    volatile boolean stream;
    volatile int status;
    volatile int promptTokens;
    volatile int plannedTokens;
    volatile int tokensSent;
    /** Read and parsed: the model's timeline starts here. */
    volatile long startNanos = -1;
    volatile long plannedTtftNanos = -1;
    volatile long firstTokenNanos = -1;
    volatile long completionNanos = -1;
    volatile Fault fault;
    /** The whole answer was handed to the connection (false for a client that left or a dropped stream). */
    volatile boolean answered;
    volatile boolean clientDisconnected;
    volatile List<MessageRecord> messages = List.of();
    volatile List<MessageRecord> toolCalls = List.of();

    RequestTrace(long id, Protocol protocol, long arrivalNanos) {
        this.id = id;
        this.protocol = protocol;
        this.arrivalNanos = arrivalNanos;
    }

    RequestRecord toRecord(SimulatorClock clock) {
        return new RequestRecord(id, protocol, model, stream, clock.millisAt(arrivalNanos),
                startNanos < 0 ? null : clock.millisAt(startNanos),
                firstTokenNanos < 0 ? null : clock.millisAt(firstTokenNanos),
                completionNanos < 0 ? null : clock.millisAt(completionNanos),
                status, promptTokens, plannedTokens, tokensSent,
                plannedTtftNanos < 0 ? null : plannedTtftNanos / 1e6,
                stream && firstTokenNanos >= 0 ? (firstTokenNanos - startNanos) / 1e6 : null,
                fault, clientDisconnected, messages, toolCalls);
    }
}
