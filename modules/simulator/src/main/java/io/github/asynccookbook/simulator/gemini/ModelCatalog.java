package io.github.asynccookbook.simulator.gemini;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.asynccookbook.simulator.ModelProfile;
import io.github.asynccookbook.simulator.Protocol;
import io.github.asynccookbook.simulator.protocol.HttpReply;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import static io.github.asynccookbook.simulator.gemini.ProtoJson.invalid;

/**
 * {@code GET /models} and {@code GET /models/{id}}: the served Gemini profiles as Google's {@code Model} objects,
 * paged like the real list (50 per page by default, at most 1000, an opaque {@code nextPageToken}).
 */
final class ModelCatalog {

    private static final int DEFAULT_PAGE = 50;
    private static final int MAX_PAGE = 1000;
    private static final List<String> METHODS = List.of("generateContent", "countTokens", "createCachedContent",
            "batchGenerateContent");

    private ModelCatalog() {
    }

    static HttpReply list(Collection<ModelProfile> profiles, String pageSize, String pageToken) {
        List<ModelProfile> models = profiles.stream()
                .filter(p -> p.protocol() == Protocol.GEMINI)
                .sorted(Comparator.comparing(ModelProfile::id))
                .toList();
        int size = pageSize(pageSize);
        int from = offset(pageToken);
        int to = Math.min(models.size(), from + size);
        ObjectNode body = GoogleJson.object();
        ArrayNode page = body.putArray("models");
        models.subList(Math.min(from, to), to).forEach(m -> page.add(model(m)));
        if (to < models.size()) {
            body.put("nextPageToken", token(to));
        }
        return GeminiHttp.json(200, body);
    }

    static HttpReply get(ModelProfile profile) {
        return GeminiHttp.json(200, model(profile));
    }

    private static ObjectNode model(ModelProfile profile) {
        String id = profile.id();
        boolean older = id.startsWith("gemini-1") || id.startsWith("gemini-2.0");
        ObjectNode model = GoogleJson.object()
                .put("name", "models/" + id)
                .put("version", "001")
                .put("displayName", profile.displayName())
                .put("description", "Simulated " + profile.displayName() + ".")
                .put("inputTokenLimit", profile.inputTokenLimit())
                .put("outputTokenLimit", profile.outputTokenLimit());
        METHODS.forEach(model.putArray("supportedGenerationMethods")::add);
        model.put("temperature", 1).put("topP", 0.95).put("topK", older ? 40 : 64).put("maxTemperature", 2);
        if (!older) {
            model.put("thinking", true);
        }
        return model;
    }

    private static int pageSize(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_PAGE;
        }
        if (!value.matches("-?\\d{1,9}")) {
            throw invalid("Invalid value at 'page_size' (TYPE_INT32), \"" + value + "\"");
        }
        int size = Integer.parseInt(value);
        return size <= 0 ? DEFAULT_PAGE : Math.min(size, MAX_PAGE);
    }

    private static String token(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String token) {
        if (token == null || token.isBlank()) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (decoded.matches("offset:\\d{1,9}")) {
                return Integer.parseInt(decoded.substring("offset:".length()));
            }
        } catch (IllegalArgumentException ignored) {
            // not base64: rejected below like any other foreign token
        }
        throw invalid("Invalid page token.");
    }
}
