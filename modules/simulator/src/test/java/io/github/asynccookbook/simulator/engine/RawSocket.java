package io.github.asynccookbook.simulator.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 typed by hand, for what no HTTP client sends: malformed query strings, a size it never sends, bytes one at
 * a time. Reads wait at most 20 s, so a server that never answers fails the test instead of hanging it.
 */
final class RawSocket implements AutoCloseable {

    private static final int READ_TIMEOUT_MILLIS = 20_000;

    private final Socket socket;
    private final InputStream in;

    private RawSocket(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        in = socket.getInputStream();
    }

    static RawSocket open(int port) {
        try {
            return new RawSocket(port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the request and reads the whole response; {@code Connection: close} makes the server end it. */
    static Response exchange(int port, String request) {
        try (RawSocket socket = open(port)) {
            socket.send(request);
            return socket.readUntilClosed();
        }
    }

    /** Writes the text; false when the server had already closed the connection. */
    boolean send(String text) {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    boolean send(byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            return true;
        } catch (IOException closedByServer) {
            return false;
        }
    }

    /** Everything until the server closes the connection (or resets it). */
    Response readUntilClosed() {
        var bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                bytes.write(buffer, 0, read);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server neither answered nor closed the connection in 20 s; got: " + bytes);
        } catch (SocketException reset) {
            // closed with unread bytes: what arrived before still counts
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Response(bytes.toString(StandardCharsets.UTF_8));
    }

    /** One response of known length, leaving the connection open. */
    Response readOne() {
        var head = new StringBuilder();
        try {
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new AssertionError("closed before the response headers ended: " + head);
                }
                head.append((char) b);
            }
            int length = Integer.parseInt(head.toString().lines()
                    .filter(line -> line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:"))
                    .findFirst().orElseThrow().substring("content-length:".length()).strip());
            return new Response(head + new String(in.readNBytes(length), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the server closes the connection (end of stream or reset) before 20 s pass with nothing read. */
    boolean closedByServer() {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    /** A raw HTTP response: status line, headers, body. */
    record Response(String text) {

        int status() {
            if (text.isEmpty()) {
                throw new AssertionError("no response at all");
            }
            return Integer.parseInt(text.substring(9, 12));
        }

        String body() {
            return text.substring(text.indexOf("\r\n\r\n") + 4);
        }
    }
}
