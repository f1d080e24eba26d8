package io.github.asynccookbook.chapter05;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;

import java.util.List;
import java.util.stream.IntStream;

/**
 * What every provider is asked: the source benchmark's prompt over its topics, repeated in order until there are
 * {@code requests} of them. Same requests for every mode and provider, so their times compare.
 *
 * @param topics   the topics, at least one
 * @param requests how many requests per mode, at least one
 */
public record Workload(List<String> topics, int requests) {

    // tag::prompt[]
    public static final String SYSTEM_PROMPT = "You are a helpful assistant.";
    public static final String USER_PROMPT = "Give 3 bullet points about: %s";
    public static final List<String> TOPICS = List.of(
            "RAG vs fine-tuning",
            "What is LCEL?",
            "Token streaming use-cases",
            "Async in Python for LLM apps",
            "Batching requests");
    // end::prompt[]

    public Workload {
        topics = List.copyOf(topics);
        if (topics.isEmpty() || requests < 1) {
            throw new IllegalArgumentException("a workload needs a topic and at least one request");
        }
    }

    /** The source benchmark exactly: its five topics, one request each. */
    public static Workload source() {
        return new Workload(TOPICS, TOPICS.size());
    }

    /** The topic of request {@code index}: topics repeat in order. */
    public String topic(int index) {
        return topics.get(index % topics.size());
    }

    public ChatRequest request(int index) {
        return ChatRequest.builder()
                .messages(SystemMessage.from(SYSTEM_PROMPT), UserMessage.from(USER_PROMPT.formatted(topic(index))))
                .build();
    }

    public List<ChatRequest> chatRequests() {
        return IntStream.range(0, requests).mapToObj(this::request).toList();
    }
}
