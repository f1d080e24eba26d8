package io.github.asynccookbook.chapter10;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.Simulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * End to end over HTTP: chapter 09's AskServer recipe and the simulator as two containers on one Docker network (the
 * server calls {@code http://simulator:8080}); the test calls the server's mapped port as a browser would, and reads
 * the simulator's ground truth over its own mapped port. Both images are built locally by
 * {@code docker/build-images.sh}.
 */
class AskServerEndToEndTest {

    static final String ASK_IMAGE = System.getProperty("tc.askserver.image", "local/ask-server:1");
    static final ObjectMapper JSON = new ObjectMapper();

    static Network network;
    static SimulatorContainer simulator;
    static GenericContainer<?> server;
    static Simulator groundTruth;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startBoth() {
        DockerRequired.check(System.getProperty("tc.simulator.image", SimulatorContainer.DEFAULT_IMAGE));
        DockerRequired.check(ASK_IMAGE);
        network = Network.newNetwork();
        simulator = new SimulatorContainer().withTimeScale(0.05).withNetwork(network).withNetworkAliases("simulator");
        simulator.start();
        server = new GenericContainer<>(DockerImageName.parse(ASK_IMAGE))
                .withNetwork(network)
                .withEnv("GEMINI_BASE_URL", "http://simulator:" + SimulatorContainer.PORT + "/v1beta")
                .withEnv("MISTRAL_BASE_URL", "http://simulator:" + SimulatorContainer.PORT + "/v1")
                .withExposedPorts(8080)
                .waitingFor(Wait.forHttp("/health").forStatusCode(200));
        if (ASK_IMAGE.startsWith("local/")) {
            server.withImagePullPolicy(name -> false);
        }
        server.start();
        groundTruth = Simulator.connect(simulator.baseUrl());
    }

    @AfterAll
    static void stopBoth() {
        if (server != null) server.stop();
        if (simulator != null) simulator.stop();
        if (network != null) network.close();
    }

    @BeforeEach
    void resetGroundTruth() {
        groundTruth.reset();
    }

    private static URI server(String pathAndQuery) {
        return URI.create("http://" + server.getHost() + ":" + server.getMappedPort(8080) + pathAndQuery);
    }

    private static String query(String question, String provider) {
        return "?question=" + URLEncoder.encode(question, StandardCharsets.UTF_8) + "&provider=" + provider;
    }

    // tag::ask[]
    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void askAnswersWithTheUsageTheSimulatorCounted(String provider) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server("/ask"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"question\": \"What is RAG?\", \"provider\": \"" + provider + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("answer").asText()).isNotBlank();
        RequestRecord seen = groundTruth.stats().requests().getFirst();
        assertThat(groundTruth.stats().requests()).hasSize(1);
        assertThat(answer.at("/usage/outputTokens").asInt()).isEqualTo(seen.tokensSent()).isPositive();
    }
    // end::ask[]

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void theStreamSendsTokensThenDone(String provider) throws Exception {
        HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(
                        server("/stream" + query("Tell a story", provider))).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> events;
        try (Stream<String> lines = response.body()) {
            events = lines.filter(line -> line.startsWith("event: ")).toList();
        }
        assertThat(events).contains("event: token").last().isEqualTo("event: done");
        RequestRecord seen = groundTruth.stats().requests().getFirst();
        assertThat(seen.stream()).isTrue();
        assertThat(seen.tokensSent()).isEqualTo(seen.plannedTokens());
    }

    // tag::leave[]
    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void aBrowserLeavingTheStreamStopsTheProvider(String provider) throws IOException, InterruptedException {
        HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(
                        server("/stream" + query("Tell a long story [sim:tokens=20000]", provider))).build(),
                HttpResponse.BodyHandlers.ofLines());

        try (Stream<String> lines = response.body()) {   // closing it closes the connection to the server
            Iterator<String> it = lines.filter(line -> line.equals("event: token")).iterator();
            for (int i = 0; i < 3; i++) {
                assertThat(it.next()).isEqualTo("event: token");
            }
        }

        // The server sees its client go and cancels the provider's stream: the simulator sees that connection close.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(groundTruth.stats().requests())
                .singleElement()
                .satisfies(r -> assertThat(r.clientDisconnected()).as("server disconnected from the provider").isTrue())
                .satisfies(r -> assertThat(r.tokensSent()).isLessThan(r.plannedTokens())));
    }
    // end::leave[]
}
