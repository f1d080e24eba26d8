package io.github.asynccookbook.recipes;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RateLimitException;
import io.github.asynccookbook.providers.ModelOptions;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RetryHintTest {

    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.withConfig(SimulatorExtension.TEST_DEFAULTS);

    @ParameterizedTest
    @CsvSource({"17s, 17000000000", "0.342s, 342000000", "45.837906927s, 45837906927", "0.0000000001s, 1"})
    void readsGeminisRetryDelay(String retryDelay, long nanos) {
        var error = new RateLimitException(new HttpException(429, geminiBody(retryDelay)));

        assertThat(RetryOnRateLimit.retryHint(error)).contains(Duration.ofNanos(nanos));
    }

    @Test
    void mistralsBodyHasNoHint() {
        String body = "{\"object\":\"error\",\"message\":\"Rate limit exceeded\",\"type\":\"rate_limited\","
                + "\"param\":null,\"code\":\"1300\"}";

        assertThat(RetryOnRateLimit.retryHint(new RateLimitException(new HttpException(429, body)))).isEmpty();
    }

    @Test
    void aBodyItCannotReadHasNoHint() {
        assertThat(RetryOnRateLimit.retryHint(new RateLimitException("type.googleapis.com/google.rpc.RetryInfo, not JSON"))).isEmpty();
        assertThat(RetryOnRateLimit.retryHint(new RateLimitException(new HttpException(429, geminiBody("soon"))))).isEmpty();
    }

    @Test
    void readsTheHintFromARealGeminiRefusal() {
        var model = ProviderSet.forSimulator(sim.simulator()).gemini()
                .chatModel(ModelOptions.builder().maxRetries(0).build());

        var refused = catchThrowableOfType(RateLimitException.class, () -> model.chat("Hi [sim:fault=429]"));

        assertThat(RetryOnRateLimit.retryHint(refused)).hasValueSatisfying(delay -> assertThat(delay).isPositive());
    }

    @Test
    void aRealMistralRefusalCarriesNoHint() {
        var model = ProviderSet.forSimulator(sim.simulator()).mistral()
                .chatModel(ModelOptions.builder().maxRetries(0).build());

        var refused = catchThrowableOfType(RateLimitException.class, () -> model.chat("Hi [sim:fault=429]"));

        assertThat(RetryOnRateLimit.retryHint(refused)).isEmpty();
    }

    private static String geminiBody(String retryDelay) {
        return """
                {
                  "error": {
                    "code": 429,
                    "message": "You exceeded your current quota, please check your plan and billing details.",
                    "status": "RESOURCE_EXHAUSTED",
                    "details": [
                      {"@type": "type.googleapis.com/google.rpc.Help", "links": []},
                      {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "%s"}
                    ]
                  }
                }
                """.formatted(retryDelay);
    }
}
