package io.github.asynccookbook.chapter03;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.mistralai.MistralAiChatResponseMetadata;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.harness.ProviderOptions;
import io.github.asynccookbook.harness.SimulatorHints;
import io.github.asynccookbook.providers.ModelOptions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.recipes.RetryOnRateLimit;
import io.github.asynccookbook.report.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import static io.github.asynccookbook.chapter03._05_HandBuiltRateLimiter.MAX_ANSWER_TOKENS;

/**
 * What a client can read about its rate limit through LangChain4j: the {@code x-ratelimit-*} headers of an answer
 * and what a 429 leaves in the exception. The 429 is forced with the simulator's {@code [sim:fault=429]} directive.
 */
@Command(name = "_08_WhatA429Tells", mixinStandardHelpOptions = true,
        description = "Show the rate-limit headers of an answer and what a 429 carries through LangChain4j.")
public final class _08_WhatA429Tells implements Callable<Integer> {

    // tag::headers[]
    private static final String PREFIX = "x-ratelimit-";

    /**
     * The x-ratelimit-* headers of an answer, from the one place LangChain4j 1.18 keeps them: the raw HTTP response
     * of a Mistral unary answer. Header name (lower case) to value, sorted; empty when there are none.
     */
    static SortedMap<String, String> rateLimitHeaders(ChatResponse answer) {
        var headers = new TreeMap<String, String>();
        if (answer.metadata() instanceof MistralAiChatResponseMetadata mistral && mistral.rawHttpResponse() != null) {
            for (Map.Entry<String, List<String>> header : mistral.rawHttpResponse().headers().entrySet()) {
                String name = header.getKey().toLowerCase(Locale.ROOT);
                if (name.startsWith(PREFIX)) {
                    headers.put(name, String.join(",", header.getValue()));
                }
            }
        }
        return headers;
    }
    // end::headers[]

    /**
     * @param answerHeaders the {@code x-ratelimit-*} headers of a successful answer
     * @param refusedStatus the status the 429's exception carries
     * @param hint          the delay the 429's body asked for
     */
    record Findings(SortedMap<String, String> answerHeaders, int refusedStatus, Optional<Duration> hint) {
    }

    // tag::inspect[]
    /** One answer and one refusal from a model built with maxRetries(0): what each lets the client read. */
    static Findings inspect(ChatModel model, String prompt, String refusedPrompt) {
        ChatResponse answer = model.chat(ChatRequest.builder().messages(UserMessage.from(prompt)).build());
        try {
            model.chat(refusedPrompt);
            throw new IllegalStateException("expected a 429 for: " + refusedPrompt);
        } catch (RateLimitException refused) {
            int status = refused.getCause() instanceof HttpException http ? http.statusCode() : 0;
            return new Findings(rateLimitHeaders(answer), status, RetryOnRateLimit.retryHint(refused));
        }
    }
    // end::inspect[]

    @Mixin
    ProviderOptions providers;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        ChapterCli.exit(new _08_WhatA429Tells(), args);
    }

    @Override
    public Integer call() throws Exception {
        RateLimitLab.of(spec, providers).run((simulator, chosen) ->
                chosen.forEach(provider -> System.out.print(report(provider))));
        return 0;
    }

    /** The findings of a simulated provider, which answers 429 when the prompt asks for it. */
    static Findings inspect(Provider provider) {
        ChatModel model = provider.chatModel(ModelOptions.builder()
                .maxOutputTokens(MAX_ANSWER_TOKENS).maxRetries(0).build());
        return inspect(model, "Say OK.", SimulatorHints.fault(provider, "Say OK.", "429"));
    }

    static String report(Provider provider) {
        Findings findings = inspect(provider);
        String headers = findings.answerHeaders().isEmpty() ? "none"
                : findings.answerHeaders().entrySet().stream()
                .map(header -> header.getKey() + "=" + header.getValue())
                .collect(Collectors.joining(", "));
        String refusal = "RateLimitException, status %d, %s".formatted(findings.refusedStatus(), findings.hint()
                .map(hint -> "a body asking to retry in " + Durations.seconds(hint))
                .orElse("a body that says nothing about when (the headers are gone)"));
        return "%s%n  headers of an answer: %s%n  a 429 leaves:         %s%n".formatted(
                provider.displayName(), headers, refusal);
    }
}
