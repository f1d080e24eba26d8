package io.github.asynccookbook.simulator.gemini;

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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gemini's Batch Mode on the wire: {@code models/{m}:batchGenerateContent} with inline requests answers a
 * long-running Operation ({@code batches/…}); {@code GET batches/{id}} reports it, with the results once
 * {@code done}. The results are written twice, as the real API does: under {@code response} (what LangChain4j reads)
 * and under {@code metadata.output} (what {@code @google/genai} reads). A failed item carries a
 * {@code google.rpc.Status}, whose {@code code} is the canonical gRPC code (13 INTERNAL), not the HTTP status.
 */
public final class GeminiBatches implements BatchWire {

    private static final String TYPES = "type.googleapis.com/google.ai.generativelanguage.v1main.";
    /** Jobs still pending or running after 48 hours expire. */
    static final Duration EXPIRY = Duration.ofHours(48);
    private static final Set<String> CREATE_FIELDS = Set.of("batch");
    private static final Set<String> BATCH_FIELDS = Set.of("model", "name", "displayName", "inputConfig", "output",
            "createTime", "endTime", "updateTime", "batchStats", "state", "priority", "webhookConfig");
    private static final Set<String> INPUT_FIELDS = Set.of("fileName", "requests");
    private static final Set<String> REQUESTS_FIELDS = Set.of("requests");
    private static final Set<String> ITEM_FIELDS = Set.of("request", "metadata");
    private static final Map<String, Integer> GRPC_CODES = Map.of("INVALID_ARGUMENT", 3, "NOT_FOUND", 5,
            "PERMISSION_DENIED", 7, "RESOURCE_EXHAUSTED", 8, "FAILED_PRECONDITION", 9, "INTERNAL", 13,
            "UNAVAILABLE", 14);

    @Override
    public Protocol protocol() {
        return Protocol.GEMINI;
    }

    @Override
    public String stateName(BatchPhase phase) {
        return state(phase);
    }

    @Override
    public BatchSubmission parseCreate(InboundRequest request, String modelFromPath) {
        ObjectNode body = ProtoJson.parseObject(request.body());
        ProtoJson.rejectUnknown(body, "", CREATE_FIELDS);
        ObjectNode batch = required(ProtoJson.object(body, "batch", "batch", "GenerateContentBatch"), "batch");
        ProtoJson.rejectUnknown(batch, "batch", BATCH_FIELDS);
        String displayName = ProtoJson.string(batch, "displayName", "batch.display_name");
        ObjectNode input = required(ProtoJson.object(batch, "inputConfig", "batch.input_config", "InputConfig"),
                "batch.input_config");
        ProtoJson.rejectUnknown(input, "batch.input_config", INPUT_FIELDS);
        if (ProtoJson.field(input, "fileName") != null) {
            throw ProtoJson.invalid("* BatchGenerateContentRequest.batch.input_config.file_name: the simulator "
                    + "takes inline requests only; upload-free inline requests go up to 20 MB.");
        }
        ObjectNode requests = required(ProtoJson.object(input, "requests", "batch.input_config.requests",
                "InlinedRequests"), "batch.input_config.requests");
        ProtoJson.rejectUnknown(requests, "batch.input_config.requests", REQUESTS_FIELDS);
        ArrayNode list = ProtoJson.array(requests, "requests", "batch.input_config.requests.requests", "InlinedRequest");
        if (list == null || list.isEmpty()) {
            throw ProtoJson.invalid("* BatchGenerateContentRequest.batch.input_config.requests.requests: "
                    + "must not be empty");
        }
        List<BatchItem> items = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String path = "batch.input_config.requests.requests[" + i + "]";
            ObjectNode item = ProtoJson.element(list.get(i), path, "InlinedRequest");
            ProtoJson.rejectUnknown(item, path, ITEM_FIELDS);
            ObjectNode chat = required(ProtoJson.object(item, "request", path + ".request", "GenerateContentRequest"),
                    path + ".request");
            JsonNode metadata = ProtoJson.field(item, "metadata");
            items.add(new BatchItem(null, bytes(chat), metadata == null || metadata.isEmpty() ? null : metadata));
        }
        return new BatchSubmission(modelFromPath, displayName, items, EXPIRY, Map.of());
    }

    @Override
    public HttpReply job(BatchView job) {
        return GeminiHttp.json(200, operation(job));
    }

    @Override
    public HttpReply page(List<BatchView> jobs, String nextPage, int total) {
        ObjectNode body = GoogleJson.object();
        if (!jobs.isEmpty()) {
            ArrayNode operations = body.putArray("operations");
            jobs.forEach(job -> operations.add(operation(job)));
        }
        if (nextPage != null) {
            body.put("nextPageToken", nextPage);
        }
        return GeminiHttp.json(200, body);
    }

    /** {@code :cancel} answers {@code google.protobuf.Empty}. */
    @Override
    public HttpReply cancelled(BatchView job) {
        return GeminiHttp.json(200, GoogleJson.object());
    }

    @Override
    public HttpReply deleted(String id) {
        return GeminiHttp.json(200, GoogleJson.object());
    }

    @Override
    public HttpReply notFound(String what) {
        ObjectNode body = GoogleJson.object();
        body.putObject("error").put("code", 404).put("message", "Requested entity was not found.")
                .put("status", "NOT_FOUND");
        return GeminiHttp.json(404, body);
    }

    @Override
    public HttpReply file(String jobId, List<ItemOutcome> outcomes) {
        return notFound(jobId);
    }

    private static ObjectNode operation(BatchView job) {
        ObjectNode operation = GoogleJson.object();
        operation.put("name", job.id());
        ObjectNode metadata = operation.putObject("metadata");
        metadata.put("@type", TYPES + "GenerateContentBatch");
        metadata.put("model", "models/" + job.model());
        if (job.displayName() != null) {
            metadata.put("displayName", job.displayName());
        }
        metadata.put("createTime", time(job.createdAt()));
        if (job.endedAt() != null) {
            metadata.put("endTime", time(job.endedAt()));
        }
        metadata.put("updateTime", time(job.updatedAt()));
        ObjectNode stats = metadata.putObject("batchStats");
        stats.put("requestCount", String.valueOf(job.total()));
        if (job.succeeded() > 0) {
            stats.put("successfulRequestCount", String.valueOf(job.succeeded()));
        }
        if (job.failed() > 0) {
            stats.put("failedRequestCount", String.valueOf(job.failed()));
        }
        int pending = job.phase().terminal() ? 0 : job.total() - job.completed();
        if (pending > 0) {
            stats.put("pendingRequestCount", String.valueOf(pending));
        }
        metadata.put("state", state(job.phase()));
        metadata.put("name", job.id());
        metadata.put("priority", "0");
        if (!job.phase().terminal()) {
            return operation;
        }
        operation.put("done", true);
        if (job.phase() == BatchPhase.FAILED) {
            operation.putObject("error").put("code", 13).put("message", job.failure());
            return operation;
        }
        if (!job.results().isEmpty()) {
            ObjectNode output = metadata.putObject("output");
            ArrayNode responses = output.putObject("inlinedResponses").putArray("inlinedResponses");
            job.results().forEach(outcome -> responses.add(result(outcome)));
            ObjectNode response = operation.putObject("response");
            response.put("@type", TYPES + "GenerateContentBatchOutput");
            response.set("inlinedResponses", output.get("inlinedResponses").deepCopy());
        }
        return operation;
    }

    /** {@code {"response": GenerateContentResponse}} or {@code {"error": google.rpc.Status}}, with the item's metadata. */
    private static ObjectNode result(ItemOutcome outcome) {
        ObjectNode result = GoogleJson.object();
        JsonNode answer = read(outcome.answer().body());
        if (outcome.succeeded()) {
            result.set("response", answer);
        } else {
            JsonNode error = answer.path("error");
            ObjectNode status = result.putObject("error");
            status.put("code", GRPC_CODES.getOrDefault(error.path("status").asText(), 2));
            status.put("message", error.path("message").asText());
            if (error.has("details")) {
                status.set("details", error.get("details"));
            }
        }
        if (outcome.item().metadata() != null) {
            result.set("metadata", outcome.item().metadata());
        }
        return result;
    }

    static String state(BatchPhase phase) {
        return "BATCH_STATE_" + switch (phase) {
            case QUEUED -> "PENDING";
            case RUNNING, CANCELLING -> "RUNNING";
            case SUCCEEDED -> "SUCCEEDED";
            case FAILED -> "FAILED";
            case CANCELLED -> "CANCELLED";
            case EXPIRED -> "EXPIRED";
        };
    }

    private static String time(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }

    private static ObjectNode required(ObjectNode node, String path) {
        if (node == null) {
            throw ProtoJson.invalid("* BatchGenerateContentRequest." + path + ": missing required field");
        }
        return node;
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return GoogleJson.MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(byte[] body) {
        try {
            return GoogleJson.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
