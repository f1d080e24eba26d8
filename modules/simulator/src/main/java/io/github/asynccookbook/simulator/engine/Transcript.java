package io.github.asynccookbook.simulator.engine;

import io.github.asynccookbook.simulator.MessageRecord;
import io.github.asynccookbook.simulator.MessageRecord.Role;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.conversation.Conversation;
import io.github.asynccookbook.simulator.conversation.ToolCall;
import io.github.asynccookbook.simulator.conversation.Turn;

import java.util.ArrayList;
import java.util.List;

/** A parsed conversation and a reply's tool calls as {@link MessageRecord}s: what the ground truth keeps of them. */
final class Transcript {

    private Transcript() {
    }

    static List<MessageRecord> of(Conversation conversation) {
        var messages = new ArrayList<MessageRecord>();
        if (!conversation.system().isEmpty()) {
            messages.add(new MessageRecord(Role.SYSTEM, conversation.system(), null, null, null));
        }
        for (Turn turn : conversation.turns()) {
            switch (turn) {
                case Turn.User user -> messages.add(new MessageRecord(Role.USER, user.text(), null, null, null));
                case Turn.Assistant assistant -> {
                    if (!assistant.text().isEmpty()) {
                        messages.add(new MessageRecord(Role.ASSISTANT, assistant.text(), null, null, null));
                    }
                    messages.addAll(calls(assistant.toolCalls()));
                }
                case Turn.ToolResult result -> messages.add(
                        new MessageRecord(Role.TOOL_RESULT, result.content(), result.name(), result.callId(), null));
            }
        }
        int from = Math.max(0, messages.size() - RequestRecord.MAX_MESSAGES);
        return List.copyOf(messages.subList(from, messages.size()));
    }

    static List<MessageRecord> calls(List<ToolCall> calls) {
        return calls.stream()
                .map(call -> new MessageRecord(Role.TOOL_CALL, "", call.name(), call.id(), call.arguments()))
                .toList();
    }
}
