package io.github.asynccookbook.simulator.engine;

import io.github.asynccookbook.simulator.Simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP calls for engine tests, shaped like the clients' requests. */
final class RawHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private RawHttp() {
    }

    static String geminiBody(String prompt) {
        return "{\"contents\": [{\"role\": \"user\", \"parts\": [{\"text\": \"" + prompt + "\"}]}]}";
    }

    static String mistralBody(String prompt, boolean stream) {
        return "{\"model\": \"mistral-small-latest\", \"stream\": " + stream
                + ", \"messages\": [{\"role\": \"user\", \"content\": \"" + prompt + "\"}]}";
    }

    static HttpResponse<String> gemini(Simulator sim, String model, String method, String prompt) {
        return send(HttpRequest.newBuilder(URI.create(sim.geminiBaseUrl() + "/models/" + model + ":" + method))
                .header("x-goog-api-key", "test-key")
                .POST(HttpRequest.BodyPublishers.ofString(geminiBody(prompt))));
    }

    static HttpResponse<String> mistral(Simulator sim, String prompt, boolean stream) {
        return send(HttpRequest.newBuilder(URI.create(sim.mistralBaseUrl() + "/chat/completions"))
                .header("Authorization", "Bearer test-key")
                .POST(HttpRequest.BodyPublishers.ofString(mistralBody(prompt, stream))));
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
