package io.github.asynccookbook.simulator.engine;

import io.github.asynccookbook.simulator.protocol.Chunk;

import java.util.List;

/**
 * When each chunk of one answer is due, in real nanoseconds after the request arrived. A non-streamed answer
 * is sent whole when the last chunk is due.
 */
record Timeline(long ttftNanos, List<Chunk> chunks, long[] dueNanos) {

    long doneNanos() {
        return dueNanos[dueNanos.length - 1];
    }

    /** The same timeline with every chunk from {@code index} on held back by {@code extraNanos}. */
    Timeline delayedFrom(int index, long extraNanos) {
        long[] due = dueNanos.clone();
        for (int i = index; i < due.length; i++) {
            due[i] += extraNanos;
        }
        return new Timeline(index == 0 ? ttftNanos + extraNanos : ttftNanos, chunks, due);
    }
}
