package io.github.asynccookbook.chapter05;

import dev.langchain4j.model.chat.request.ChatRequest;

import java.util.List;
import java.util.stream.IntStream;

/**
 * What every provider is asked: the source benchmark's prompt ({@link _01_SourceBenchmark#request}) over its topics,
 * repeated in order until there are {@code requests} of them. Same requests for every mode and provider, so their
 * times compare.
 *
 * @param topics   the topics, at least one
 * @param requests how many requests per mode, at least one
 */
public record Workload(List<String> topics, int requests) {

    public Workload {
        topics = List.copyOf(topics);
        if (topics.isEmpty() || requests < 1) {
            throw new IllegalArgumentException("a workload needs a topic and at least one request");
        }
    }

    /** The source benchmark exactly: its five topics, one request each. */
    public static Workload source() {
        return new Workload(_01_SourceBenchmark.TOPICS, _01_SourceBenchmark.TOPICS.size());
    }

    /** The topic of request {@code index}: topics repeat in order. */
    public String topic(int index) {
        return topics.get(index % topics.size());
    }

    public ChatRequest request(int index) {
        return _01_SourceBenchmark.request(topic(index));
    }

    public List<ChatRequest> chatRequests() {
        return IntStream.range(0, requests).mapToObj(this::request).toList();
    }
}
