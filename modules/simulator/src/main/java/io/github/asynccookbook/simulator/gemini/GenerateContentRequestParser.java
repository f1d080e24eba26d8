package io.github.asynccookbook.simulator.gemini;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.asynccookbook.simulator.conversation.Conversation;
import io.github.asynccookbook.simulator.conversation.ResponseFormat;

import java.util.Set;

import static io.github.asynccookbook.simulator.gemini.ProtoJson.invalid;

/**
 * Validates a {@code GenerateContentRequest} as strictly as the real API: every top-level and
 * {@code generationConfig} name must be one Google knows, so a typo fails here as it would in production.
 * The known names cover everything LangChain4j 1.18.1, {@code @google/genai} and the legacy JS SDK send.
 */
final class GenerateContentRequestParser {

    /** A parsed request: the neutral conversation and {@code generationConfig.seed}. */
    record Parsed(Conversation conversation, Long seed) {
    }

    static final Set<String> REQUEST_FIELDS = Set.of("model", "contents", "systemInstruction", "tools", "toolConfig",
            "safetySettings", "generationConfig", "cachedContent", "labels", "serviceTier", "store",
            "continuationToken");

    static final Set<String> GENERATION_CONFIG_FIELDS = Set.of("stopSequences", "responseMimeType", "responseSchema",
            "responseJsonSchema", "responseModalities", "candidateCount", "maxOutputTokens", "temperature", "topP",
            "topK", "seed", "presencePenalty", "frequencyPenalty", "responseLogprobs", "logprobs",
            "enableEnhancedCivicAnswers", "speechConfig", "thinkingConfig", "imageConfig", "mediaResolution",
            "audioTranscriptionConfig");

    private static final String GENERATION_CONFIG = "type.googleapis.com/google.ai.generativelanguage.v1beta.GenerationConfig";
    private static final String CONTENT = "type.googleapis.com/google.ai.generativelanguage.v1beta.Content";
    private static final String TOOL = "type.googleapis.com/google.ai.generativelanguage.v1beta.Tool";
    private static final String TOOL_CONFIG = "type.googleapis.com/google.ai.generativelanguage.v1beta.ToolConfig";

    private GenerateContentRequestParser() {
    }

    static Parsed parse(ObjectNode request) {
        ProtoJson.rejectUnknown(request, "", REQUEST_FIELDS);
        ArrayNode contents = ProtoJson.array(request, "contents", "", CONTENT);
        if (contents.isEmpty()) {
            throw invalid("* GenerateContentRequest.contents: contents is not specified\n");
        }
        ObjectNode config = ProtoJson.object(request, "generationConfig", "", GENERATION_CONFIG);
        Integer maxOutputTokens = null;
        Integer seed = null;
        ResponseFormat responseFormat = ResponseFormat.TEXT;
        if (config != null) {
            ProtoJson.rejectUnknown(config, "generation_config", GENERATION_CONFIG_FIELDS);
            maxOutputTokens = ProtoJson.int32(config, "maxOutputTokens", "generation_config");
            seed = ProtoJson.int32(config, "seed", "generation_config");
            responseFormat = ResponseSchemaParser.parse(config);
        }
        var conversation = new Conversation(
                ContentParser.systemText(ProtoJson.object(request, "systemInstruction", "", CONTENT), "system_instruction"),
                ContentParser.turns(contents, "contents"),
                ToolParser.tools(ProtoJson.array(request, "tools", "", TOOL), "tools"),
                ToolParser.choice(ProtoJson.object(request, "toolConfig", "", TOOL_CONFIG), "tool_config"),
                maxOutputTokens, responseFormat);
        return new Parsed(conversation, seed == null ? null : seed.longValue());
    }
}
