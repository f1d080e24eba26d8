package io.github.asynccookbook.simulator.engine;

import io.github.asynccookbook.simulator.Simulator;
import io.github.asynccookbook.simulator.SimulatorConfig;
import io.github.asynccookbook.simulator.Tier;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Free-tier windows at time scale 0.25: Gemini 2.5 Flash's minute lasts 15 s; Mistral's second is tested at time scale 1. */
class RateLimitTest {

    /** A minute lasts 15 s: eleven calls fit in one window even on a machine slowed down tenfold by other work. */
    private static final SimulatorConfig FREE_TIER = SimulatorExtension.TEST_DEFAULTS.toBuilder()
            .tier(Tier.FREE).timeScale(0.25).build();
    private static final Pattern RETRY_DELAY = Pattern.compile("\"retryDelay\": \"([0-9.]+)s\"");

    @Test
    void geminiAnswersTheEleventhRequestInAMinuteWith429AndTheExactDelayUntilTheWindowFrees() throws Exception {
        try (Simulator sim = Simulator.start(FREE_TIER)) {
            for (int i = 0; i < 10; i++) {
                assertThat(RawHttp.gemini(sim, "gemini-2.5-flash", "generateContent", "q" + i + " [sim:tokens=1]")
                        .statusCode()).isEqualTo(200);
            }
            HttpResponse<String> rejected = RawHttp.gemini(sim, "gemini-2.5-flash", "generateContent", "q10 [sim:tokens=1]");

            assertThat(rejected.statusCode()).isEqualTo(429);
            assertThat(rejected.body()).contains("RESOURCE_EXHAUSTED", "GenerateRequestsPerMinutePerProjectPerModel-FreeTier");
            assertThat(rejected.headers().firstValue("retry-after")).isEmpty();
            double delaySeconds = retryDelay(rejected.body());
            // Requests count from their start (read and parsed); the window frees when the first is 15 s old, and
            // the hint says exactly that.
            double firstStart = sim.stats().requests().getFirst().startMillis();
            double rejectedStart = sim.stats().requests().getLast().startMillis();
            assertThat(rejectedStart + delaySeconds * 1000).isCloseTo(firstStart + 15_000, org.assertj.core.data.Offset.offset(0.01));

            Thread.sleep(Math.round(delaySeconds * 1000) + 20);
            assertThat(RawHttp.gemini(sim, "gemini-2.5-flash", "generateContent", "q11 [sim:tokens=1]").statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void anAliasSharesTheWindowsOfItsModel() {
        try (Simulator sim = Simulator.start(FREE_TIER)) {
            for (int i = 0; i < 10; i++) {
                String model = i % 2 == 0 ? "gemini-flash-latest" : "gemini-2.5-flash";
                assertThat(RawHttp.gemini(sim, model, "generateContent", "q" + i + " [sim:tokens=1]").statusCode())
                        .isEqualTo(200);
            }
            HttpResponse<String> rejected = RawHttp.gemini(sim, "gemini-flash-latest", "generateContent", "q10 [sim:tokens=1]");

            assertThat(rejected.statusCode()).isEqualTo(429);
            assertThat(rejected.body()).contains("limit: 10, model: gemini-2.5-flash");
            assertThat(sim.stats().model("gemini-flash-latest").count(429)).isEqualTo(1);
            assertThat(sim.stats().model("gemini-flash-latest").count(200)).isEqualTo(5);
        }
    }

    @Test
    void mistralAllowsOneRequestPerSecondAndSaysSoInItsHeaders() throws Exception {
        try (Simulator sim = Simulator.start(FREE_TIER.toBuilder().timeScale(1).build());
             var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<HttpResponse<String>> answers = pool.invokeAll(IntStream.range(0, 4)
                            .mapToObj(i -> (java.util.concurrent.Callable<HttpResponse<String>>) () ->
                                    RawHttp.mistral(sim, "q" + i + " [sim:tokens=1]", false))
                            .toList())
                    .stream().map(RateLimitTest::get).toList();

            assertThat(answers).filteredOn(a -> a.statusCode() == 200).hasSize(1);
            assertThat(answers).filteredOn(a -> a.statusCode() == 429).hasSize(3).allSatisfy(a -> {
                assertThat(a.body()).contains("\"type\":\"rate_limited\"");
                assertThat(a.headers().firstValue("x-ratelimit-limit-req-second")).hasValue("1");
                assertThat(a.headers().firstValue("x-ratelimit-remaining-req-second")).hasValue("0");
            });
            assertThat(sim.stats().model("mistral-small-latest").count(429)).isEqualTo(3);
        }
    }

    @Test
    void tokensPerMinuteCountGeminiInputTokens() {
        var tinyTokenBudget = FREE_TIER.models().get("gemini-2.5-flash")
                .withLimits(Tier.FREE, io.github.asynccookbook.simulator.RateLimits.perMinute(100, 30, 0));
        try (Simulator sim = Simulator.start(FREE_TIER.toBuilder().model(tinyTokenBudget).build())) {
            String twentyWords = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                    + "fifteen sixteen seventeen eighteen nineteen twenty [sim:tokens=1]";
            assertThat(RawHttp.gemini(sim, "gemini-2.5-flash", "generateContent", twentyWords).statusCode()).isEqualTo(200);
            HttpResponse<String> second = RawHttp.gemini(sim, "gemini-2.5-flash", "generateContent", twentyWords);

            assertThat(second.statusCode()).isEqualTo(429);
            assertThat(second.body()).contains("InputTokens");
            assertThat(RawHttp.gemini(sim, "gemini-flash-latest", "generateContent", twentyWords).statusCode())
                    .as("the alias follows the overridden profile").isEqualTo(429);
        }
    }

    private static double retryDelay(String body) {
        Matcher matcher = RETRY_DELAY.matcher(body);
        assertThat(matcher.find()).as("retryDelay in %s", body).isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    private static <T> T get(java.util.concurrent.Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
