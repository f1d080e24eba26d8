package io.github.asynccookbook.chapter05;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WorkloadTest {

    @Test
    void theSourceBenchmarksPromptOverItsFiveTopics() {
        List<ChatRequest> requests = Workload.source().chatRequests();

        assertThat(requests).hasSize(5);
        assertThat(requests.getFirst().messages()).containsExactly(
                SystemMessage.from("You are a helpful assistant."),
                UserMessage.from("Give 3 bullet points about: RAG vs fine-tuning"));
    }

    @Test
    void topicsRepeatInOrderUpToTheRequestCount() {
        var workload = new Workload(List.of("a", "b"), 5);

        assertThat(workload.chatRequests()).hasSize(5);
        assertThat(List.of(0, 1, 2, 3, 4)).map(workload::topic).containsExactly("a", "b", "a", "b", "a");
    }
}
