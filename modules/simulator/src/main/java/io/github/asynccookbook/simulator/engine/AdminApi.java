package io.github.asynccookbook.simulator.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.asynccookbook.simulator.protocol.ApiError;
import io.github.asynccookbook.simulator.protocol.HttpReply;
import io.github.asynccookbook.simulator.protocol.InboundRequest;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

import java.io.UncheckedIOException;

/**
 * The simulator's own endpoints: {@code GET /_sim/stats} (ground truth as JSON; {@code ?requests=false} leaves out
 * the per-request list), {@code DELETE /_sim/stats} (reset stats), {@code POST /_sim/reset} (reset everything),
 * {@code GET /_sim/health}.
 */
final class AdminApi {

    private final SimulatorServer server;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    AdminApi(SimulatorServer server) {
        this.server = server;
    }

    Mono<Void> handle(InboundRequest request, HttpServerResponse response) {
        String route = request.method() + " " + request.path();
        return Replies.send(response, switch (route) {
            case "GET /_sim/stats" -> HttpReply.json(200, statsJson(!"false".equals(request.query().get("requests"))));
            case "DELETE /_sim/stats" -> {
                server.resetStats();
                yield HttpReply.json(200, "{\"reset\": \"stats\"}\n");
            }
            case "POST /_sim/reset" -> {
                server.reset();
                yield HttpReply.json(200, "{\"reset\": \"all\"}\n");
            }
            case "GET /_sim/health" -> HttpReply.json(200, "{\"status\": \"ok\"}\n");
            case "GET /_sim/config" -> HttpReply.json(200, configJson());
            default -> HttpReply.json(404, "{\"error\": \"no such simulator endpoint: " + route + "\"}\n");
        });
    }

    /**
     * What a client in another process needs to read the ground truth as {@code Simulator.connect} does: the
     * settings a command line can change, and the clock (on one machine both processes share {@code nanoTime}).
     */
    private String configJson() {
        var config = server.config();
        var clock = server.clock();
        return "{\"timeScale\": %s, \"tier\": \"%s\", \"seed\": %d, \"stallMillis\": %d, \"originNanos\": %d, \"nanoTime\": %d}\n"
                .formatted(config.timeScale(), config.tier().id(), config.seed(), config.stallDuration().toMillis(),
                        clock.originNanos(), clock.nanos());
    }

    /** A request the simulator's own endpoints cannot read, as a one-line JSON error. */
    static HttpReply refusal(ApiError error) {
        return switch (error.kind()) {
            case REQUEST_TOO_LARGE -> HttpReply.json(413,
                    "{\"error\": \"request body larger than " + error.limit() + " bytes\"}\n");
            case OVERLOADED -> HttpReply.json(503, "{\"error\": \"too many large requests being parsed\"}\n");
            default -> HttpReply.json(400, "{\"error\": \"" + error.detail() + "\"}\n");
        };
    }

    private String statsJson(boolean withRequests) {
        var stats = server.stats();
        try {
            var tree = json.valueToTree(withRequests ? stats
                    : new io.github.asynccookbook.simulator.SimulatorStats(stats.nowMillis(), stats.inFlight(),
                    stats.maxInFlight(), stats.models(), java.util.List.of()));
            ((com.fasterxml.jackson.databind.node.ObjectNode) tree).set("batches", json.valueToTree(server.batches()));
            return json.writeValueAsString(tree) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
