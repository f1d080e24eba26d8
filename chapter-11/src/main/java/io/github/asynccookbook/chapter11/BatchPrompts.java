package io.github.asynccookbook.chapter11;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.github.asynccookbook.harness.Questions;
import io.github.asynccookbook.harness.SimulatorHints;
import io.github.asynccookbook.providers.Provider;

import java.util.ArrayList;
import java.util.List;

/**
 * What the batch examples submit: the benchmark's twelve topic questions, then {@code generated} numbered
 * one-liners. On the simulator every 1,000th generated prompt is forced to fail, so per-item failures show in
 * their slots; a live provider gets the plain prompts.
 */
final class BatchPrompts {

    static final int BENCHMARK = 12;

    private BatchPrompts() {
    }

    static List<String> texts(Provider provider, int generated) {
        List<String> texts = new ArrayList<>(Questions.first(BENCHMARK));
        List<String> numbered = Questions.numbered(generated);
        for (int i = 0; i < numbered.size(); i++) {
            texts.add(i % 1_000 == 999 ? SimulatorHints.fault(provider, numbered.get(i), "500") : numbered.get(i));
        }
        return texts;
    }

    static List<ChatRequest> requests(List<String> texts) {
        return texts.stream().map(text -> ChatRequest.builder().messages(UserMessage.from(text)).build()).toList();
    }
}
