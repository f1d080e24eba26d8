package io.github.asynccookbook.simulator.content;

import io.github.asynccookbook.simulator.conversation.Conversation;
import io.github.asynccookbook.simulator.conversation.FinishReason;
import io.github.asynccookbook.simulator.conversation.Reply;
import io.github.asynccookbook.simulator.conversation.ResponseFormat;
import io.github.asynccookbook.simulator.conversation.TokenizedText;
import io.github.asynccookbook.simulator.conversation.ToolCall;
import io.github.asynccookbook.simulator.conversation.ToolChoice;
import io.github.asynccookbook.simulator.conversation.Turn;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * The simulated model's brain: answers a conversation with text that fits the prompt (bullet points, an
 * explanation, a summary of tool results), with JSON that fits the client's schema (or the format an AI service
 * spelled out in the prompt, see {@link FormatInstructions}), or with tool calls. Deterministic for a conversation and a seed, and
 * cheap enough to run for every request; it holds no state, so one instance serves all threads.
 */
public final class ReplyWriter {

    private static final Pattern BRIEF = Pattern.compile(
            "\\b(?:brief|briefly|terse|concise|succinct|short answers?|few words)\\b", Pattern.CASE_INSENSITIVE);

    /**
     * @param seed         the request's content seed: the same seed and conversation give the same reply
     * @param targetTokens how long a text answer should be, in {@link Tokens}
     * @param exactLength  exactly {@code targetTokens} tokens rather than about as many, ending at a sentence
     * @param maxTokens    the hard cap; a longer answer is cut to it and finishes with {@link FinishReason#LENGTH}
     */
    public Reply write(Conversation conversation, long seed, int targetTokens, boolean exactLength, int maxTokens) {
        int promptTokens = Tokens.count(conversation);
        String userText = lastUserText(conversation);
        String prompt = Directives.strip(userText);
        ResponseFormat format = conversation.responseFormat();
        Optional<FormatInstructions.Found> instructed = FormatInstructions.read(prompt);
        if (instructed.isPresent()) {
            prompt = instructed.get().prompt();
            format = format.mode() == ResponseFormat.Mode.TEXT ? instructed.get().format() : format;
        }
        var random = new SplittableRandom(seed ^ fingerprint(conversation) * 0x9E3779B97F4A7C15L);
        if (callsTools(conversation, Directives.parse(userText).toolLoop())) {
            List<ToolCall> calls = ToolPlanner.plan(conversation.tools(), conversation.toolChoice(), prompt,
                    random.split());
            if (!calls.isEmpty()) {
                return new Reply(TokenizedText.EMPTY, calls, FinishReason.TOOL_CALLS, promptTokens);
            }
        }
        if (format.mode() != ResponseFormat.Mode.TEXT) {
            return capped(Tokens.tokenize(JsonAnswer.write(format, prompt, random)),
                    maxTokens, promptTokens);
        }
        int target = Math.max(1, exactLength || !BRIEF.matcher(conversation.system()).find()
                ? targetTokens : targetTokens / 2);
        Ask ask = Ask.read(prompt);
        String text = conversation.turns().isEmpty() || !(conversation.turns().getLast() instanceof Turn.ToolResult)
                ? TextAnswer.write(ask, random, target, exactLength)
                : TextAnswer.afterTools(ToolFindings.of(conversation, prompt), ask, random, target, exactLength);
        return capped(Tokens.tokenize(text), maxTokens, promptTokens);
    }

    /** The answer, cut at {@code maxTokens} (then {@link FinishReason#LENGTH}; a cut JSON answer is not valid JSON). */
    private static Reply capped(TokenizedText tokens, int maxTokens, int promptTokens) {
        if (tokens.size() > maxTokens) {
            return new Reply(tokens.first(Math.max(0, maxTokens)), List.of(), FinishReason.LENGTH, promptTokens);
        }
        return new Reply(tokens, List.of(), FinishReason.STOP, promptTokens);
    }

    /**
     * Tools are called when some are declared, the client allows it, and the user just spoke; with
     * {@code [sim:tool-loop]} in the user's prompt, after every tool result too (a model that never stops).
     */
    private static boolean callsTools(Conversation conversation, boolean toolLoop) {
        return !conversation.tools().isEmpty()
                && conversation.toolChoice().mode() != ToolChoice.Mode.NONE
                && !conversation.turns().isEmpty()
                && (conversation.turns().getLast() instanceof Turn.User
                || toolLoop && conversation.turns().getLast() instanceof Turn.ToolResult);
    }

    private static String lastUserText(Conversation conversation) {
        for (Turn turn : conversation.turns().reversed()) {
            if (turn instanceof Turn.User user) {
                return user.text();
            }
        }
        return conversation.system();
    }

    /** A hash of the conversation's texts; stable across JVMs, unlike record hash codes. */
    private static long fingerprint(Conversation conversation) {
        long hash = conversation.system().hashCode();
        for (Turn turn : conversation.turns()) {
            String text = switch (turn) {
                case Turn.User user -> user.text();
                case Turn.Assistant assistant -> assistant.text();
                case Turn.ToolResult result -> result.name() + result.content();
            };
            hash = hash * 31 + String.valueOf(text).hashCode();
        }
        return hash;
    }
}
