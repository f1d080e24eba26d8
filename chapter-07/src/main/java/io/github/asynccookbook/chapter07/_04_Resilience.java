package io.github.asynccookbook.chapter07;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.harness.GroundTruth;
import io.github.asynccookbook.providers.ModelOptions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.recipes.RetryBeforeFirstToken;
import io.github.asynccookbook.recipes.RetryOnRateLimit;
import io.github.asynccookbook.recipes.SafeInvoke;
import io.github.asynccookbook.recipes.StreamingFlux;
import io.github.asynccookbook.simulator.Fault;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.Simulator;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Resilience4j's Retry, CircuitBreaker and TimeLimiter around LangChain4j calls; fallback and hedging in Reactor. */
@Command(name = "_04_Resilience", mixinStandardHelpOptions = true,
        description = "Retry (429 hint, 5xx back-off with jitter, streaming only before the first token), a circuit "
                + "breaker opening on 503s, a time limiter, fallback to the other provider, hedged requests.")
public final class _04_Resilience implements Callable<Integer> {

    /** A provider's wait hint longer than this is not worth waiting for: fail at once, typed. */
    static final Duration LONGEST_HINT = Duration.ofSeconds(5);
    static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    /** The streaming examples' first-token and idle deadlines, and their models' builder timeout. */
    static final Duration DEADLINE = Duration.ofSeconds(1);

    // tag::retry[]
    static Retry retry(String name, int maxAttempts) {
        return Retry.of(name, RetryConfig.custom()
                .maxAttempts(maxAttempts)
                .retryOnException(error -> worthRetrying(error))
                .intervalBiFunction((attempt, outcome) -> waitMillis(attempt, outcome.getLeft()))
                .build());
    }

    static boolean worthRetrying(Throwable error) {
        return switch (SafeInvoke.classify(error)) {
            case SafeInvoke.HttpError http -> http.retriable()
                    && RetryOnRateLimit.retryHint(error).orElse(Duration.ZERO).compareTo(LONGEST_HINT) <= 0;
            case SafeInvoke.Timeout timeout -> true;
            case SafeInvoke.Failure failure -> causedBy(failure.cause(), IOException.class);   // a dropped connection
            case SafeInvoke.Answer answer -> false;
        };
    }

    /** The 429's hint when there is one, else 200 ms, 400 ms, 800 ms...; plus up to 50 % jitter, never less. */
    static long waitMillis(int attempt, Throwable error) {
        Duration wait = RetryOnRateLimit.retryHint(error)
                .orElse(FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt - 1, 10)));
        return wait.toMillis() + ThreadLocalRandom.current().nextLong(wait.toMillis() / 2 + 1);
    }
    // end::retry[]

    // tag::resilientStream[]
    static Flux<String> resilientStream(Supplier<Flux<String>> call, Retry retry, Duration firstToken, Duration idle) {
        return RetryBeforeFirstToken.retry(() -> call.get()
                .subscribeOn(Schedulers.boundedElastic())   // a retry starts on the timer's thread: not there
                .cancelOn(Schedulers.boundedElastic())      // nor the close of a timed-out stream
                .timeout(Mono.delay(firstToken), chunk -> Mono.delay(idle)), retry);
    }
    // end::resilientStream[]

    // tag::breaker[]
    static CircuitBreaker breaker(String name, Duration openFor) {
        return CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .slidingWindowSize(4)                       // the last 4 calls...
                .minimumNumberOfCalls(4)
                .failureRateThreshold(50)                   // ...half of them failed: open
                .recordException(error -> worthRetrying(error))   // a 400 is our bug, not the provider's health
                .waitDurationInOpenState(openFor)           // then let one probe through (half-open)
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
    }
    // end::breaker[]

    // tag::fallback[]
    static Mono<String> withFallback(Mono<String> primary, Mono<String> secondary) {
        return primary.onErrorResume(
                error -> error instanceof CallNotPermittedException || worthRetrying(error),
                error -> secondary);   // Gemini overloaded (or its breaker open): Mistral answers
    }
    // end::fallback[]

    // tag::hedge[]
    static Mono<String> hedged(Mono<String> call, Duration after) {
        return Mono.firstWithValue(call, Mono.delay(after).then(call));   // first answer wins, the other is cancelled
    }
    // end::hedge[]

    static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    static Mono<String> answer(StreamingChatModel model, String prompt) {
        return StreamingFlux.stream(model, _02_Deadlines.request(prompt)).reduce(String::concat);
    }

    // ---- the examples -------------------------------------------------------------------------------------------

    /** Retry: blocking (decorated supplier) and streaming (before the first token), counted by the simulator. */
    static List<String> retries(Provider provider) {
        ChatModel blocking = provider.chatModel(ModelOptions.builder().maxRetries(0).timeout(DEADLINE).build());
        StreamingChatModel streaming = provider.streamingChatModel(ModelOptions.builder().timeout(DEADLINE).build());
        var lines = new ArrayList<String>();
        for (String fault : List.of("429", "503", "stall-headers", "drop-stream")) {
            String prompt = "Explain retries. [sim:fault=" + fault + "]";
            Retry retry = retry("blocking-" + fault, 3);
            long before = requests(provider);
            SafeInvoke.Result sync = SafeInvoke.safely(() -> Retry.decorateSupplier(retry, () -> blocking.chat(prompt)).get());
            lines.add("%-14s blocking : %-30s %d requests".formatted(fault, _01_WhatCanGoWrong.describe(sync),
                    requests(provider) - before));
            long beforeStreaming = requests(provider);
            SafeInvoke.Result streamed = SafeInvoke.safely(() -> resilientStream(
                    () -> StreamingFlux.stream(streaming, _02_Deadlines.request(prompt)),
                    retry("streaming-" + fault, 3), DEADLINE, DEADLINE).reduce(String::concat).block());
            lines.add("%-14s streaming: %-30s %d requests".formatted(fault, _01_WhatCanGoWrong.describe(streamed),
                    requests(provider) - beforeStreaming));
        }
        return lines;
    }

    static long requests(Provider provider) {
        GroundTruth.awaitQuiet(provider.simulator().orElseThrow());
        return GroundTruth.requestsSeen(provider).orElse(0L);
    }

    /** The breaker's state transitions and calls: 4 × 503, one refused without a request, a probe after the wait. */
    record BreakerRun(List<String> transitions, List<String> calls, long requestsSent) {
    }

    static BreakerRun breakerRun(Provider provider, Duration openFor) {
        ChatModel model = provider.chatModel(ModelOptions.builder().maxRetries(0).build());
        CircuitBreaker breaker = breaker(provider.name(), openFor);
        var transitions = new CopyOnWriteArrayList<String>();
        breaker.getEventPublisher().onStateTransition(event -> transitions.add(event.getStateTransition().toString()));
        var calls = new ArrayList<String>();
        long before = requests(provider);
        Supplier<String> call = () -> breaker.executeSupplier(() -> model.chat("Explain breakers. [sim:fault=503]"));
        for (int i = 0; i < 5; i++) {
            calls.add("state " + breaker.getState() + ", call -> " + outcome(SafeInvoke.safely(call)));
        }
        sleep(openFor.plusMillis(100));
        calls.add("state " + breaker.getState() + ", probe -> " + outcome(SafeInvoke.safely(
                () -> breaker.executeSupplier(() -> model.chat("Explain breakers.")))));
        calls.add("state " + breaker.getState());
        return new BreakerRun(List.copyOf(transitions), calls, requests(provider) - before);
    }

    private static String outcome(SafeInvoke.Result result) {
        return result instanceof SafeInvoke.Failure failure && failure.cause() instanceof CallNotPermittedException
                ? "CallNotPermittedException (no request sent)" : _01_WhatCanGoWrong.describe(result);
    }

    /** A TimeLimiter around a streaming call's future: it times out and cancels it, which closes the stream. */
    static SafeInvoke.Result timeLimited(Provider provider, Duration limit) {
        TimeLimiter limiter = TimeLimiter.of(TimeLimiterConfig.custom().timeoutDuration(limit)
                .cancelRunningFuture(true).build());
        StreamingChatModel model = provider.streamingChatModel();
        return SafeInvoke.safely(() -> {
            try {
                return limiter.executeFutureSupplier(() -> _02_Deadlines.streamingWithin(model,
                        _02_Deadlines.request("Explain limits. [sim:fault=stall-stream]"), Duration.ofMinutes(1)));
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
    }

    /** Gemini forced to 503 falls back to Mistral. */
    static String fallback(Provider gemini, Provider mistral) {
        GroundTruth.awaitQuiet(gemini.simulator().orElseThrow());
        GroundTruth.reset(gemini);
        return withFallback(answer(gemini.streamingChatModel(), "Explain fallbacks. [sim:fault=503]"),
                answer(mistral.streamingChatModel(), "Explain fallbacks.")).block();
    }

    /** p50 / p99 of n calls made one by one, with or without a hedge, and how many answers each call delivered. */
    record HedgeRun(String name, List<Long> millis, List<Integer> answersPerCall, long requests) {

        long percentile(double p) {
            List<Long> sorted = millis.stream().sorted().toList();
            return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
        }

        String line() {
            return String.format(Locale.ROOT, "%-22s p50 %,6d ms   p99 %,6d ms   answers %d of %d calls   "
                            + "requests %d", name, percentile(0.50), percentile(0.99),
                    answersPerCall.stream().mapToInt(Integer::intValue).sum(), millis.size(), requests);
        }
    }

    static HedgeRun timeCalls(String name, Provider provider, int calls, Supplier<Mono<String>> call) {
        var millis = new ArrayList<Long>();
        var answers = new ArrayList<Integer>();
        long before = requests(provider);
        for (int i = 0; i < calls; i++) {
            var delivered = new AtomicInteger();
            long start = System.nanoTime();
            SafeInvoke.safely(() -> call.get().doOnNext(text -> delivered.incrementAndGet()).block());
            millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            answers.add(delivered.get());
        }
        return new HedgeRun(name, millis, answers, requests(provider) - before);
    }

    /** The hedge delay: the p95 latency of {@code calls} answers from a healthy provider. */
    static Duration p95(Provider healthy, int calls) {
        StreamingChatModel model = healthy.streamingChatModel();
        return Duration.ofMillis(timeCalls("p95", healthy, calls, () -> answer(model, "Explain hedging.")).percentile(0.95));
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Mixin
    ExampleOptions options;

    public static void main(String[] args) {
        ChapterCli.exit(new _04_Resilience(), args);
    }

    @Override
    public Integer call() {
        io.github.asynccookbook.harness.QuietLogs.builtInRetry();
        try (Simulator simulator = options.startSimulator();
             Simulator stalling = Simulator.start(simulator.config().toBuilder().port(0)
                     .faultRate(Fault.STALL_MID_STREAM, HEDGE_STALL_RATE).build())) {
            List<Provider> providers = options.providers(simulator);
            for (Provider provider : providers) {
                ExampleOptions.heading(provider, "4a", "Retry: 3 attempts, the 429's hint or 200 ms back-off, jitter");
                retries(provider).forEach(System.out::println);
                ExampleOptions.heading(provider, "4b", "CircuitBreaker: 4 × 503, then one probe after 1 s");
                BreakerRun run = breakerRun(provider, Duration.ofSeconds(1));
                run.calls().forEach(line -> System.out.println("  " + line));
                System.out.println("transitions: " + run.transitions() + ", requests sent: " + run.requestsSent());
                ExampleOptions.heading(provider, "4c", "TimeLimiter of 1 s around a stalled stream");
                System.out.println(_01_WhatCanGoWrong.describe(timeLimited(provider, Duration.ofSeconds(1))));
                GroundTruth.latestFinished(provider).ifPresent(r -> System.out.printf(
                        "simulator: %d of %d tokens sent, client disconnect %s%n", r.tokensSent(), r.plannedTokens(),
                        r.clientDisconnected() ? "recorded" : "NOT recorded"));
            }
            if (providers.size() == 2) {
                System.out.printf("%n-- 4d. fallback: Gemini forced to 503, Mistral answers --%n");
                String text = fallback(providers.get(0), providers.get(1));
                System.out.printf("answer of %d characters; simulator: Gemini %s, Mistral %s%n", text.length(),
                        GroundTruth.of(providers.get(0)).orElseThrow().requestsByStatus(),
                        GroundTruth.of(providers.get(1)).orElseThrow().requestsByStatus());
            }
            for (Provider provider : ProviderSet.forSimulator(stalling).select(options.providers.choice().name())) {
                ExampleOptions.heading(provider, "4e", "hedged requests, " + (int) (HEDGE_STALL_RATE * 100)
                        + " % of answers stall " + ExampleOptions.STALL.toSeconds() + " s");
                hedging(provider, options.providers(simulator).stream()
                        .filter(p -> p.protocol() == provider.protocol()).findFirst().orElseThrow(), HEDGE_CALLS)
                        .forEach(r -> System.out.println(r.line()));
            }
        }
        return 0;
    }

    static final double HEDGE_STALL_RATE = 0.1;
    static final int HEDGE_CALLS = 40;

    /** Plain calls, then hedged ones after the p95 of a healthy provider's calls. */
    static List<HedgeRun> hedging(Provider stalling, Provider healthy, int calls) {
        Duration after = p95(healthy, 20);
        StreamingChatModel model = stalling.streamingChatModel();
        HedgeRun plain = timeCalls("plain", stalling, calls, () -> answer(model, "Explain hedging."));
        HedgeRun hedge = timeCalls("hedged after " + after.toMillis() + " ms", stalling, calls,
                () -> hedged(answer(model, "Explain hedging."), after));
        return List.of(plain, hedge);
    }
}
