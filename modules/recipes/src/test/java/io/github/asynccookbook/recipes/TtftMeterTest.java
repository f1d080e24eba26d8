package io.github.asynccookbook.recipes;

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
        meter.onPartialResponse("");            // an empty chunk is not a first token
        meter.onPartialResponse("Hello");
        meter.onPartialResponse(" there");
        assertThat(meter.timing()).isEmpty();

        meter.onCompleteResponse(response(2));

        TtftMeter.Timing timing = meter.timing().orElseThrow();
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
        meter.onCompleteResponse(response(0));
        assertThat(meter.timing()).isEmpty();
    }

    @Test
    void startingAgainBeginsANewMeasurement() {
        var meter = new TtftMeter();
        meter.start();
        meter.onPartialResponse("old");
        meter.onCompleteResponse(response(1));
        meter.start();
        assertThat(meter.timing()).isEmpty();
        meter.onPartialResponse("new");
        meter.onCompleteResponse(response(null));
        assertThat(meter.timing().orElseThrow().chunks()).isEqualTo(1);
        assertThat(meter.timing().orElseThrow().outputTokens()).isZero();
    }
}
