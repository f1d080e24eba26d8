package io.github.asynccookbook.chapter11;

import com.hazelcast.core.HazelcastInstance;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.github.asynccookbook.recipes.SharedRateLimit;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two Hazelcast members (a cluster of two, as two JVMs would form) each hand out a proxy of the same key's
 * bucket: together they let through the bucket's capacity, not twice it. The refill is an hour away, so the count
 * is exact on any machine.
 */
class HazelcastSharedBucketTest {

    @Test
    void twoMembersShareOneKeysLimit() throws Exception {
        String cluster = "ch11-" + UUID.randomUUID();
        HazelcastInstance one = SharedBuckets.loopbackMember(cluster);
        HazelcastInstance two = SharedBuckets.loopbackMember(cluster);
        AtomicInteger arrived = new AtomicInteger();
        ChatModel model = new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                arrived.incrementAndGet();
                return ChatResponse.builder().aiMessage(AiMessage.from("ok")).build();
            }
        };
        ChatRequest request = ChatRequest.builder().messages(UserMessage.from("hi")).build();
        Disposable calls = null;
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> one.getCluster().getMembers().size() == 2);
            var first = new SharedRateLimit(SharedBuckets.keyLimit(one, "free-tier-key", 5, Duration.ofHours(1)));
            var second = new SharedRateLimit(SharedBuckets.keyLimit(two, "free-tier-key", 5, Duration.ofHours(1)));

            calls = Flux.range(0, 20).flatMap(i -> (i % 2 == 0 ? first : second).chat(model, request)).subscribe();

            await().atMost(Duration.ofSeconds(60)).until(() -> arrived.get() >= 5);
            Thread.sleep(500);
            assertThat(arrived).as("one key's capacity across both members").hasValue(5);
        } finally {
            if (calls != null) {
                calls.dispose();
            }
            two.shutdown();
            one.shutdown();
        }
    }
}
