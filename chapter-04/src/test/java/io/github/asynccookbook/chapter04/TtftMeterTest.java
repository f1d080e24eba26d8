package io.github.asynccookbook.chapter04;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TtftMeterTest {

    private static ChatResponse response(Integer outputTokens) {
        return ChatResponse.builder().aiMessage(AiMessage.from("Hello there"))
                .tokenUsage(new TokenUsage(5, outputTokens)).build();
    }

    @Test
    void recordsTheStreamInOrderWithTheProvidersTokenCount() {
        var meter = new TtftMeter();
        meter.start();
        meter.chunk("");            // an empty chunk is not a first token
        meter.chunk("Hello");
        meter.chunk(" there");
        assertThat(meter.timing()).isEmpty();

        meter.complete(response(2));

        StreamTiming timing = meter.timing().orElseThrow();
        assertThat(timing.chunks()).isEqualTo(2);
        assertThat(timing.startNanos()).isLessThanOrEqualTo(timing.firstTokenNanos());
        assertThat(timing.chunkNanos()).isSorted();
        assertThat(timing.endNanos()).isGreaterThanOrEqualTo(timing.chunkNanos().getLast());
        assertThat(timing.outputTokens()).isEqualTo(2);
    }

    @Test
    void anAnswerWithoutTextHasNoTiming() {
        var meter = new TtftMeter();
        meter.start();
        meter.complete(response(0));
        assertThat(meter.timing()).isEmpty();
    }

    @Test
    void startingAgainBeginsANewMeasurement() {
        var meter = new TtftMeter();
        meter.start();
        meter.chunk("old");
        meter.complete(response(1));
        meter.start();
        assertThat(meter.timing()).isEmpty();
        meter.chunk("new");
        meter.complete(response(null));
        assertThat(meter.timing().orElseThrow().chunks()).isEqualTo(1);
        assertThat(meter.timing().orElseThrow().outputTokens()).isZero();
    }
}
