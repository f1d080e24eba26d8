package io.github.asynccookbook.chapter03;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.github.asynccookbook.providers.ModelOptions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.report.Durations;
import io.github.asynccookbook.simulator.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Duration;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * What a client can read about its rate limit through LangChain4j: the headers of an answer ({@link RateLimitHeaders})
 * and what a 429 leaves in the exception ({@link RetryHint}). The 429 is forced with the simulator's
 * {@code [sim:fault=429]} directive.
 */
@Command(name = "_08_WhatA429Tells", mixinStandardHelpOptions = true,
        description = "Show the rate-limit headers of an answer and what a 429 carries through LangChain4j.")
public final class _08_WhatA429Tells implements Callable<Integer> {

    @Mixin
    Workload workload;

    @Mixin
    RateLimitLab lab;

    public static void main(String[] args) {
        System.exit(ChapterCli.execute(new _08_WhatA429Tells(), args));
    }

    @Override
    public Integer call() {
        System.out.println(lab.describe());
        try (Simulator simulator = lab.start()) {
            workload.providers(ProviderSet.forSimulator(simulator)).forEach(provider -> System.out.print(report(provider)));
        }
        return 0;
    }

    /**
     * @param answerHeaders the {@code x-ratelimit-*} headers of a successful answer
     * @param refusedStatus the status the 429's exception carries
     * @param hint          the delay the 429's body asked for
     */
    record Findings(SortedMap<String, String> answerHeaders, int refusedStatus, Optional<Duration> hint) {
    }

    // tag::inspect[]
    static Findings inspect(Provider provider) {
        ChatModel model = provider.chatModel(ModelOptions.builder()
                .maxOutputTokens(Questions.MAX_ANSWER_TOKENS).maxRetries(0).build());
        var answer = model.chat(ChatRequest.builder().messages(UserMessage.from("Say OK.")).build());
        try {
            model.chat("Say OK. [sim:fault=429]");
            throw new IllegalStateException("the simulator was asked for a 429 and answered");
        } catch (RateLimitException refused) {
            int status = refused.getCause() instanceof HttpException http ? http.statusCode() : 0;
            return new Findings(RateLimitHeaders.of(answer), status, RetryHint.of(refused));
        }
    }
    // end::inspect[]

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
