package io.github.asynccookbook.chapter09;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A small HTTP client for the tests: whole responses with the JDK client, and a raw socket to leave mid-stream. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String url;

    Http(String url) {
        this.url = url;
    }

    record Response(int status, HttpResponse<String> raw) {
        String body() {
            return raw.body();
        }

        String contentType() {
            return raw.headers().firstValue("Content-Type").orElse("");
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body(), e);
            }
        }
    }

    Response get(String pathAndQuery, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url + pathAndQuery)).GET(), headers);
    }

    Response post(String path, String body, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    Response askJson(String question, String provider) {
        try {
            var body = JSON.createObjectNode().put("question", question).put("provider", provider);
            return post("/ask", JSON.writeValueAsString(body), "Content-Type", "application/json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String streamPath(String question, String provider) {
        return "/stream?question=" + URLEncoder.encode(question, StandardCharsets.UTF_8) + "&provider=" + provider;
    }

    private static Response send(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A stream read line by line over a plain socket, so that a test can hang up at a chosen moment. */
    final class OpenStream implements AutoCloseable {
        private final Socket socket;
        private final BufferedReader in;
        final int status;

        OpenStream(String pathAndQuery) throws IOException {
            URI uri = URI.create(url);
            socket = new Socket(uri.getHost(), uri.getPort());
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n"
                    + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String statusLine = in.readLine();
            status = Integer.parseInt(statusLine.split(" ")[1]);
        }

        /** Reads until an {@code event: name} line (with or without the space); false if the stream ended first. */
        boolean readUntilEvent(String name) throws IOException {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.replace("event: ", "event:").equals("event:" + name)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    OpenStream open(String pathAndQuery) throws IOException {
        return new OpenStream(pathAndQuery);
    }

    /**
     * Sends each JSON body as {@code POST path} in turn over one plain socket, reading each whole response before the
     * next request (keep-alive, no pipelining); returns the status lines and bodies, "closed" if the server hung up.
     */
    List<String> postEachOnOneConnection(String path, String... jsonBodies) throws IOException {
        URI uri = URI.create(url);
        List<String> answers = new ArrayList<>();
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            var in = new java.io.DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
            for (String json : jsonBodies) {
                byte[] body = json.getBytes(StandardCharsets.UTF_8);
                out.write(("POST " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n"
                        + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                String status = readLine(in);
                if (status == null) {
                    answers.add("closed");
                    return answers;
                }
                int length = 0;
                for (String header = readLine(in); header != null && !header.isEmpty(); header = readLine(in)) {
                    if (header.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(header.substring(15).strip());
                    }
                }
                byte[] answer = new byte[length];
                in.readFully(answer);
                answers.add(status + " " + new String(answer, StandardCharsets.UTF_8));
            }
        }
        return answers;
    }

    private static String readLine(java.io.DataInputStream in) throws IOException {
        var line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                return line.isEmpty() ? null : line.toString();
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    /** Sends {@code POST path} with a JSON body over a plain socket and reads nothing: close it to hang up. */
    Socket postAndWait(String path, String json) throws IOException {
        URI uri = URI.create(url);
        Socket socket = new Socket(uri.getHost(), uri.getPort());
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return socket;
    }
}
