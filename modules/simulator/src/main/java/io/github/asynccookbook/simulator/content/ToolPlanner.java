package io.github.asynccookbook.simulator.content;

import io.github.asynccookbook.simulator.conversation.ToolCall;
import io.github.asynccookbook.simulator.conversation.ToolChoice;
import io.github.asynccookbook.simulator.conversation.ToolSpec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Decides which declared tool the simulated model calls for a prompt: the one whose name, description and
 * parameters share the most words with it (name words count most; ties go to the first declared).
 */
final class ToolPlanner {

    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int ID_LENGTH = 9;

    private ToolPlanner() {
    }

    /** The calls to make, one per subject the prompt lists; empty when no declared tool may be called. */
    static List<ToolCall> plan(List<ToolSpec> tools, ToolChoice choice, String prompt, SplittableRandom random) {
        Optional<ToolSpec> tool = choose(tools, choice.allowed(), prompt);
        if (tool.isEmpty()) {
            return List.of();
        }
        var calls = new ArrayList<ToolCall>();
        for (var arguments : ToolArguments.fill(tool.get(), PromptFacts.of(prompt))) {
            calls.add(new ToolCall(callId(random), tool.get().name(), arguments));
        }
        return calls;
    }

    static Optional<ToolSpec> choose(List<ToolSpec> tools, Set<String> allowed, String prompt) {
        Set<String> promptWords = stems(Keywords.of(prompt));
        ToolSpec best = null;
        int bestScore = -1;
        for (ToolSpec tool : tools) {
            if (!allowed.isEmpty() && !allowed.contains(tool.name())) {
                continue;
            }
            int score = score(tool, promptWords);
            if (score > bestScore) {
                best = tool;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int score(ToolSpec tool, Set<String> promptWords) {
        var parameterWords = new ArrayList<String>();
        for (var parameter : tool.parameters()) {
            parameterWords.addAll(Keywords.identifierWords(parameter.name()));
            parameterWords.addAll(Keywords.of(parameter.description()));
            parameter.enumValues().forEach(value -> parameterWords.addAll(Keywords.of(value)));
        }
        return 3 * overlap(promptWords, Keywords.identifierWords(tool.name()))
                + 2 * overlap(promptWords, Keywords.of(tool.description()))
                + overlap(promptWords, parameterWords);
    }

    private static int overlap(Set<String> promptWords, List<String> words) {
        var shared = new HashSet<>(stems(words));
        shared.retainAll(promptWords);
        return shared.size();
    }

    private static Set<String> stems(List<String> words) {
        return words.stream().map(Keywords::stem).collect(Collectors.toSet());
    }

    /** Nine letters and digits, the shape Mistral gives its call ids. */
    private static String callId(SplittableRandom random) {
        var id = new StringBuilder(ID_LENGTH);
        for (int i = 0; i < ID_LENGTH; i++) {
            id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }
}
