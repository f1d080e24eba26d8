package io.github.asynccookbook.simulator.mistral;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.asynccookbook.simulator.Protocol;
import io.github.asynccookbook.simulator.conversation.Conversation;
import io.github.asynccookbook.simulator.conversation.ResponseFormat;
import io.github.asynccookbook.simulator.conversation.ToolChoice;
import io.github.asynccookbook.simulator.conversation.ToolSpec;
import io.github.asynccookbook.simulator.protocol.ChatCall;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Reads a {@code POST /v1/chat/completions} body. Like the real API it forbids unknown top-level fields, so a
 * client sending an OpenAI-only field ({@code max_completion_tokens}, {@code stream_options}, …) fails here as it
 * would against Mistral; every field LangChain4j 1.18.1 and {@code @mistralai/mistralai} send is known.
 */
final class ChatRequestReader {

    private static final Set<String> FIELDS = Set.of("model", "messages", "temperature", "top_p", "max_tokens",
            "stream", "stop", "random_seed", "metadata", "response_format", "tools", "tool_choice",
            "presence_penalty", "frequency_penalty", "n", "parallel_tool_calls", "prediction", "safe_prompt",
            "prompt_mode", "reasoning_effort");

    private ChatRequestReader() {
    }

    static ChatCall read(byte[] body) {
        JsonNode root = parse(body);
        var validation = new Validation();
        if (!validation.isObject(root, Loc.BODY)) {
            validation.throwIfAny();
        }
        validation.rejectExtraFields(root, FIELDS, Loc.BODY);
        String model = validation.string(root, "model", Loc.BODY, true);
        MessagesReader.Messages messages = MessagesReader.read(root, validation);
        List<ToolSpec> tools = ToolsReader.tools(root, validation);
        ToolChoice toolChoice = ToolsReader.toolChoice(root, validation);
        Long maxTokens = validation.integerAtLeast(root, "max_tokens", Loc.BODY, 0);
        Long seed = validation.integer(root, "random_seed", Loc.BODY);
        boolean stream = validation.bool(root, "stream", Loc.BODY);
        ResponseFormat responseFormat = ResponseFormatReader.read(root, validation);
        validation.throwIfAny();
        messages.checkOrder();
        var conversation = new Conversation(messages.system(), messages.turns(), tools, toolChoice,
                maxTokens == null ? null : (int) Math.min(maxTokens, Integer.MAX_VALUE), responseFormat);
        return new ChatCall(Protocol.MISTRAL, model, stream, false, null, conversation, seed);
    }

    private static JsonNode parse(byte[] body) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw Validation.jsonInvalid(offset(e.getLocation()));
        }
        if (root == null || root.isMissingNode()) {
            throw Validation.bodyMissing();
        }
        return root;
    }

    private static long offset(JsonLocation location) {
        if (location == null) {
            return 0;
        }
        return Math.max(0, location.getCharOffset());
    }
}
