package io.github.asynccookbook.recipes;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.github.bucket4j.Bucket;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two limiters over ONE bucket stand for two JVMs over one distributed bucket: together they get the bucket's
 * capacity, never each its own. The refill is an hour away, so the count cannot depend on the machine's speed.
 */
class SharedRateLimitTest {

    @Test
    void twoLimitersOnOneBucketTogetherSendOnlyItsCapacity() throws Exception {
        Bucket bucket = Bucket.builder()
                .addLimit(limit -> limit.capacity(3).refillIntervally(3, Duration.ofHours(1)))
                .build();
        AtomicInteger arrived = new AtomicInteger();
        ChatModel model = new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                arrived.incrementAndGet();
                return ChatResponse.builder().aiMessage(AiMessage.from("ok")).build();
            }
        };
        ChatRequest request = ChatRequest.builder().messages(dev.langchain4j.data.message.UserMessage.from("hi")).build();
        var first = new SharedRateLimit(bucket);
        var second = new SharedRateLimit(bucket);

        Disposable calls = Flux.range(0, 10)
                .flatMap(i -> (i % 2 == 0 ? first : second).chat(model, request))
                .subscribe();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> arrived.get() >= 3);
            Thread.sleep(300);
            assertThat(arrived).as("the bucket's capacity, shared by both limiters").hasValue(3);
            assertThat(bucket.getAvailableTokens()).isZero();
        } finally {
            calls.dispose();
        }
    }
}
