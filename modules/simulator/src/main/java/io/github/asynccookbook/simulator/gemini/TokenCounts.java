package io.github.asynccookbook.simulator.gemini;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.asynccookbook.simulator.content.Tokens;
import io.github.asynccookbook.simulator.conversation.Conversation;
import io.github.asynccookbook.simulator.conversation.ToolChoice;
import io.github.asynccookbook.simulator.protocol.HttpReply;

import java.util.List;
import java.util.Set;

import static io.github.asynccookbook.simulator.gemini.ProtoJson.invalid;

/**
 * {@code :countTokens}: counts a bare {@code contents} list, or a whole {@code generateContentRequest} (system
 * instruction and tools included, as LangChain4j's estimator sends for tool specifications), with the same
 * tokenizer the simulated models bill with.
 */
final class TokenCounts {

    private static final Set<String> FIELDS = Set.of("contents", "generateContentRequest");
    private static final String CONTENT = "type.googleapis.com/google.ai.generativelanguage.v1beta.Content";
    private static final String REQUEST = "type.googleapis.com/google.ai.generativelanguage.v1beta.GenerateContentRequest";

    private TokenCounts() {
    }

    static HttpReply count(byte[] body) {
        ObjectNode request = ProtoJson.parseObject(body);
        ProtoJson.rejectUnknown(request, "", FIELDS);
        ObjectNode generateContentRequest = ProtoJson.object(request, "generateContentRequest", "", REQUEST);
        Conversation conversation;
        if (generateContentRequest != null) {
            conversation = GenerateContentRequestParser.parse(generateContentRequest).conversation();
        } else {
            var contents = ProtoJson.array(request, "contents", "", CONTENT);
            if (contents.isEmpty()) {
                throw invalid("* CountTokensRequest.contents: contents is not specified\n");
            }
            conversation = new Conversation("", ContentParser.turns(contents, "contents"), List.of(), ToolChoice.AUTO, null);
        }
        int total = Tokens.count(conversation);
        ObjectNode answer = GoogleJson.object();
        answer.put("totalTokens", total);
        answer.set("promptTokensDetails", textModality(total));
        return GeminiHttp.json(200, answer);
    }

    /** {@code [{"modality": "TEXT", "tokenCount": n}]}: the simulator only deals in text. */
    static ArrayNode textModality(int tokens) {
        ArrayNode details = GoogleJson.MAPPER.createArrayNode();
        details.addObject().put("modality", "TEXT").put("tokenCount", tokens);
        return details;
    }
}
