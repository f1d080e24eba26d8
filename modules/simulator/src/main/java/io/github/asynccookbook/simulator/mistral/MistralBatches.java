package io.github.asynccookbook.simulator.mistral;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.asynccookbook.simulator.Protocol;
import io.github.asynccookbook.simulator.batch.BatchItem;
import io.github.asynccookbook.simulator.batch.BatchPhase;
import io.github.asynccookbook.simulator.batch.BatchSubmission;
import io.github.asynccookbook.simulator.batch.BatchView;
import io.github.asynccookbook.simulator.batch.BatchWire;
import io.github.asynccookbook.simulator.batch.ItemOutcome;
import io.github.asynccookbook.simulator.protocol.ApiError;
import io.github.asynccookbook.simulator.protocol.HttpReply;
import io.github.asynccookbook.simulator.protocol.InboundRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Mistral's Batch API on the wire: {@code POST /v1/batch/jobs} with inline {@code requests} answers a job object;
 * {@code GET /v1/batch/jobs/{id}} reports it with its counters, and once it ends names an {@code output_file}
 * (successes) and an {@code error_file} (failures), each read as JSONL from {@code GET /v1/files/{id}/content}.
 * A failure line carries an error object ({@code {"message", "code"}}), never a bare string.
 */
public final class MistralBatches implements BatchWire {

    static final String CHAT_ENDPOINT = "/v1/chat/completions";
    private static final Set<String> CREATE_FIELDS = Set.of("input_files", "requests", "endpoint", "model",
            "agent_id", "metadata", "timeout_hours");
    private static final int DEFAULT_TIMEOUT_HOURS = 24;

    @Override
    public Protocol protocol() {
        return Protocol.MISTRAL;
    }

    @Override
    public String stateName(BatchPhase phase) {
        return status(phase);
    }

    @Override
    public BatchSubmission parseCreate(InboundRequest request, String modelFromPath) {
        JsonNode root = parse(request.body());
        if (!root.isObject()) {
            throw invalid("Input should be a valid dictionary or object to extract fields from");
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!CREATE_FIELDS.contains(name)) {
                throw ApiError.of(ApiError.Kind.UNKNOWN_FIELD, name);
            }
        });
        String endpoint = root.path("endpoint").asText(null);
        if (endpoint == null) {
            throw invalid("Field required: endpoint");
        }
        if (!CHAT_ENDPOINT.equals(endpoint)) {
            throw invalid("The simulator batches " + CHAT_ENDPOINT + " only, not " + endpoint);
        }
        String model = root.path("model").asText(null);
        if (model == null) {
            throw invalid("A model is required for a batch on " + CHAT_ENDPOINT);
        }
        if (root.path("input_files").isArray() && !root.path("input_files").isEmpty()) {
            throw invalid("The simulator takes inline requests only: no file with id "
                    + root.path("input_files").get(0).asText() + " was uploaded to it");
        }
        JsonNode requests = root.path("requests");
        if (!requests.isArray() || requests.isEmpty()) {
            throw invalid("Either input_files or requests must be provided");
        }
        List<BatchItem> items = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            JsonNode entry = requests.get(i);
            if (!entry.path("body").isObject()) {
                throw invalid("requests[" + i + "].body: Input should be a valid dictionary");
            }
            ObjectNode body = (ObjectNode) entry.get("body").deepCopy();
            if (!body.has("model")) {
                body.put("model", model);
            }
            body.remove("stream");
            String customId = entry.hasNonNull("custom_id") ? entry.get("custom_id").asText() : String.valueOf(i);
            items.add(new BatchItem(customId, bytes(body), null));
        }
        int hours = root.path("timeout_hours").asInt(DEFAULT_TIMEOUT_HOURS);
        if (hours < 1) {
            throw invalid("timeout_hours: Input should be greater than or equal to 1");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        root.path("metadata").fields().forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().asText()));
        return new BatchSubmission(model, null, items, Duration.ofHours(hours), metadata);
    }

    @Override
    public HttpReply job(BatchView job) {
        return HttpReply.json(200, Json.compact(jobObject(job)));
    }

    @Override
    public HttpReply page(List<BatchView> jobs, String nextPage, int total) {
        ObjectNode body = Json.object();
        ArrayNode data = body.putArray("data");
        jobs.forEach(job -> data.add(jobObject(job)));
        body.put("object", "list");
        body.put("total", total);
        return HttpReply.json(200, Json.compact(body));
    }

    @Override
    public HttpReply cancelled(BatchView job) {
        return job(job);
    }

    @Override
    public HttpReply deleted(String id) {
        ObjectNode body = Json.object();
        body.put("id", id);
        body.put("object", "batch");
        body.put("deleted", true);
        return HttpReply.json(200, Json.compact(body));
    }

    @Override
    public HttpReply notFound(String what) {
        return HttpReply.json(404, ErrorReplies.envelope(404, what + " not found", "invalid_request_error", "3000"));
    }

    /** One JSONL line per outcome: the completion under {@code response.body}, or an {@code error} object. */
    @Override
    public HttpReply file(String jobId, List<ItemOutcome> outcomes) {
        StringBuilder lines = new StringBuilder();
        for (ItemOutcome outcome : outcomes) {
            ObjectNode line = Json.object();
            JsonNode answer = parse(outcome.answer().body());
            line.put("id", outcome.succeeded() ? answer.path("id").asText() : "batch-" + jobId + "-" + outcome.index());
            line.put("custom_id", outcome.item().customId());
            if (outcome.succeeded()) {
                ObjectNode response = line.putObject("response");
                response.put("status_code", 200);
                response.set("body", answer);
                line.putNull("error");
            } else {
                line.putNull("response");
                ObjectNode error = line.putObject("error");
                error.put("message", message(answer));
                error.put("code", outcome.answer().status());
            }
            lines.append(Json.compact(line)).append('\n');
        }
        return new HttpReply(200, "application/octet-stream", Map.of(),
                lines.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode jobObject(BatchView job) {
        ObjectNode body = Json.object();
        body.put("id", job.id());
        body.put("object", "batch");
        body.putArray("input_files");
        if (job.metadata().isEmpty()) {
            body.putNull("metadata");
        } else {
            ObjectNode metadata = body.putObject("metadata");
            job.metadata().forEach(metadata::put);
        }
        body.put("endpoint", CHAT_ENDPOINT);
        body.put("model", job.model());
        body.putNull("agent_id");
        body.put("output_file", job.outputFileId());
        body.put("error_file", job.errorFileId());
        ArrayNode errors = body.putArray("errors");
        if (job.failure() != null) {
            errors.addObject().put("message", job.failure()).put("count", 1);
        }
        body.putNull("outputs");
        body.put("status", status(job.phase()));
        body.put("created_at", job.createdAt() / 1000);
        body.put("total_requests", job.total());
        body.put("completed_requests", job.completed());
        body.put("succeeded_requests", job.succeeded());
        body.put("failed_requests", job.failed());
        if (job.startedAt() == null) {
            body.putNull("started_at");
        } else {
            body.put("started_at", job.startedAt() / 1000);
        }
        if (job.endedAt() == null) {
            body.putNull("completed_at");
        } else {
            body.put("completed_at", job.endedAt() / 1000);
        }
        return body;
    }

    static String status(BatchPhase phase) {
        return switch (phase) {
            case QUEUED -> "QUEUED";
            case RUNNING -> "RUNNING";
            case CANCELLING -> "CANCELLATION_REQUESTED";
            case SUCCEEDED -> "SUCCESS";
            case FAILED -> "FAILED";
            case CANCELLED -> "CANCELLED";
            case EXPIRED -> "TIMEOUT_EXCEEDED";
        };
    }

    /** The message of an error answer: the envelope's {@code message}, or pydantic's first {@code msg}. */
    private static String message(JsonNode answer) {
        if (answer.hasNonNull("message")) {
            return answer.get("message").asText();
        }
        JsonNode detail = answer.path("detail");
        if (detail.isArray() && !detail.isEmpty()) {
            return detail.get(0).path("msg").asText();
        }
        return detail.isTextual() ? detail.asText() : "Request failed";
    }

    private static ApiError invalid(String message) {
        return ApiError.of(ApiError.Kind.INVALID_REQUEST, message);
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode root = Json.MAPPER.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw invalid("Invalid JSON body");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw Validation.jsonInvalid(Math.max(0, e.getLocation() == null ? 0 : e.getLocation().getCharOffset()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return Json.MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
