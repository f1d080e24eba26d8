package io.github.asynccookbook.simulator.protocol;

/**
 * One streamed chunk: the reply's tokens {@code [from, to)}. A tool-call reply has a single chunk with
 * {@code from == to}, which carries the calls. The last chunk carries the finish reason.
 */
public record Chunk(int from, int to, boolean first, boolean last) {
}
