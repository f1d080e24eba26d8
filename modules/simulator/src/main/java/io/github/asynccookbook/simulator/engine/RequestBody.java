package io.github.asynccookbook.simulator.engine;

import io.netty.buffer.ByteBuf;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Arrays;

/**
 * Reads a request body into one array and refuses it the moment it passes the size limit: a chunked body declares
 * no size, so only counting while reading keeps one client from filling the heap.
 */
final class RequestBody {

    private static final byte[] EMPTY = new byte[0];
    /** A declared size is only a promise: memory grows with the bytes that really arrive. */
    private static final int MAX_INITIAL = 256 * 1024;

    /** The body passed the limit while it was read. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("request body over the size limit", null, false, false);
        }
    }

    private byte[] bytes;
    private int size;
    private final int limit;

    private RequestBody(long declared, int limit) {
        this.bytes = new byte[(int) Math.max(0, Math.min(declared, MAX_INITIAL))];
        this.limit = limit;
    }

    /**
     * @param declared the Content-Length, or -1 when the body is chunked
     * @return the body, empty when there is none; fails with {@link TooLarge}
     */
    static Mono<byte[]> read(Flux<ByteBuf> content, long declared, int limit) {
        return content.reduceWith(() -> new RequestBody(declared, limit), RequestBody::append)
                .map(RequestBody::toArray)
                .defaultIfEmpty(EMPTY);
    }

    private RequestBody append(ByteBuf chunk) {
        int length = chunk.readableBytes();
        if (length > limit - size) {
            throw new TooLarge();
        }
        if (size + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(limit, Math.max(size + length, 2L * bytes.length + 1024)));
        }
        chunk.getBytes(chunk.readerIndex(), bytes, size, length);
        size += length;
        return this;
    }

    private byte[] toArray() {
        return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }
}
