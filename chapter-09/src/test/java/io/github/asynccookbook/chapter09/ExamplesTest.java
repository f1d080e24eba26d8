package io.github.asynccookbook.chapter09;

import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.recipes.AskServer;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** What the commands do before they wait for Ctrl-C: start the server on loopback and print the page's URL. */
class ExamplesTest {

    @RegisterExtension
    static SimulatorExtension sim = new SimulatorExtension();

    @ParameterizedTest
    @EnumSource(TestServers.class)
    void eachServerPrintsTheUrlOfItsPageAndAnswersThere(TestServers kind) {
        var providers = ProviderSet.forSimulator(sim.simulator()).select("both");
        var captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        var llm = AskModels.llm(providers, AskServer.Settings.defaults());
        try (WebServer server = kind == TestServers.JAVALIN ? _01_JavalinServer.serve(llm, "127.0.0.1", 0)
                : _02_SpringServer.serve(llm, "127.0.0.1", 0)) {
            Serving.announce(kind == TestServers.JAVALIN ? "Javalin" : "Spring WebFlux", server, providers);
            assertThat(server.url()).matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(new Http(server.url()).get("/health").status()).isEqualTo(200);
        } finally {
            System.setOut(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8))
                .matches("(Javalin|Spring WebFlux) server: open http://127\\.0\\.0\\.1:\\d+/ \\(Gemini and Mistral\\); Ctrl-C stops it\\R");
    }
}
