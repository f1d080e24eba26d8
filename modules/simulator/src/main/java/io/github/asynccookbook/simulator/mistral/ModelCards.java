package io.github.asynccookbook.simulator.mistral;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.asynccookbook.simulator.ModelProfile;
import io.github.asynccookbook.simulator.Protocol;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * {@code GET /v1/models} cards with the field set of Mistral's schema. The TS SDK needs {@code id},
 * {@code capabilities} and {@code "type":"base"}; {@code created} is the time of the request, as the real list
 * reports it. Capabilities describe the simulator: chat and tool calls, nothing else. As in the real list, every
 * alias has a card of its own: {@code name} is the model it points at, {@code aliases} the model's other names.
 */
final class ModelCards {

    /** What Mistral's cards report for its chat models (mistral-api.md, section 6). */
    private static final double DEFAULT_TEMPERATURE = 0.3;
    private static final List<String> UNSUPPORTED = List.of("reasoning", "completion_fim", "fine_tuning", "vision",
            "ocr", "classification", "moderation", "audio");

    private ModelCards() {
    }

    static String list(Collection<ModelProfile> models, long createdEpochSeconds) {
        ObjectNode root = Json.object();
        root.put("object", "list");
        ArrayNode data = root.putArray("data");
        mistral(models).forEach(model -> data.add(card(model, models, createdEpochSeconds)));
        return Json.compact(root);
    }

    static String one(ModelProfile model, Collection<ModelProfile> served, long createdEpochSeconds) {
        return Json.compact(card(model, served, createdEpochSeconds));
    }

    private static ObjectNode card(ModelProfile model, Collection<ModelProfile> served, long createdEpochSeconds) {
        ObjectNode card = Json.object();
        card.put("id", model.id());
        card.put("object", "model");
        card.put("created", createdEpochSeconds);
        card.put("owned_by", "mistralai");
        ObjectNode capabilities = card.putObject("capabilities");
        capabilities.put("completion_chat", true);
        capabilities.put("function_calling", true);
        UNSUPPORTED.forEach(capability -> capabilities.put(capability, false));
        card.put("name", model.model());
        card.put("description", model.displayName() + ", simulated");
        card.put("max_context_length", model.inputTokenLimit());
        ArrayNode aliases = card.putArray("aliases");
        mistral(served).stream()
                .filter(other -> other.model().equals(model.model()) && !other.id().equals(model.id()))
                .sorted(Comparator.comparing(ModelProfile::isAlias))
                .forEach(other -> aliases.add(other.id()));
        card.putNull("deprecation");
        card.putNull("deprecation_replacement_model");
        card.put("default_model_temperature", DEFAULT_TEMPERATURE);
        card.put("type", "base");
        return card;
    }

    private static List<ModelProfile> mistral(Collection<ModelProfile> models) {
        return models.stream().filter(model -> model.protocol() == Protocol.MISTRAL).toList();
    }
}
