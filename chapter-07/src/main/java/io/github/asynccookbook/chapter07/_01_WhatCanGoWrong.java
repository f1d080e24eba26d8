package io.github.asynccookbook.chapter07;

import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import dev.langchain4j.model.mistralai.MistralAiChatModel;
import dev.langchain4j.model.mistralai.MistralAiStreamingChatModel;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.harness.GroundTruth;
import io.github.asynccookbook.providers.ModelOptions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.recipes.AsyncChat;
import io.github.asynccookbook.recipes.SafeInvoke;
import io.github.asynccookbook.recipes.SafeInvoke.Answer;
import io.github.asynccookbook.recipes.SafeInvoke.Failure;
import io.github.asynccookbook.recipes.SafeInvoke.HttpError;
import io.github.asynccookbook.recipes.SafeInvoke.Result;
import io.github.asynccookbook.recipes.SafeInvoke.Timeout;
import io.github.asynccookbook.simulator.Protocol;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** Every failure the simulator can force, on both model kinds of both providers, as the exception it becomes. */
@Command(name = "_01_WhatCanGoWrong", mixinStandardHelpOptions = true,
        description = "Force each failure (400, wrong key, unknown model, 429, 500, 503, stalls, a dropped stream) "
                + "and print what LangChain4j 1.18.1 makes of it: the failure table of the README.")
public final class _01_WhatCanGoWrong implements Callable<Integer> {

    /** The builder timeout of every model here: a stall longer than this shows what the timeout covers. */
    static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(2);

    /** What the chapter forces, and how: a prompt directive, a bad parameter, a wrong key or model. */
    enum Fault {
        BAD_REQUEST("400: bad parameter", "maxOutputTokens(-1)", null),
        WRONG_KEY("wrong API key", "a key the provider does not know", null),
        UNKNOWN_MODEL("unknown model", "modelName(\"no-such-model\")", null),
        RATE_LIMITED("429 rate limited", "`[sim:fault=429]`", "429"),
        INTERNAL("500 internal error", "`[sim:fault=500]`", "500"),
        OVERLOADED("503 overloaded", "`[sim:fault=503]`", "503"),
        STALL_HEADERS("stall before headers", "`[sim:fault=stall-headers]`", "stall-headers"),
        STALL_STREAM("stall mid-stream", "`[sim:fault=stall-stream]`", "stall-stream"),
        DROPPED("dropped connection", "`[sim:fault=drop-stream]`", "drop-stream");

        final String title;
        final String forcedBy;
        final String code;

        Fault(String title, String forcedBy, String code) {
            this.title = title;
            this.forcedBy = forcedBy;
            this.code = code;
        }

        String prompt() {
            return code == null ? "Say hello." : "Say hello. [sim:fault=" + code + "]";
        }
    }

    // tag::describe[]
    static String describe(Result result) {
        return switch (result) {
            case Answer answer -> "Answer";
            case HttpError error when error.retriable() -> "HttpError " + error.status() + ", worth a retry";
            case HttpError error -> "HttpError " + error.status() + ", fix the request";
            case Timeout timeout -> "Timeout";
            case Failure failure -> "Failure " + failure.cause().getClass().getSimpleName();
        };
    }
    // end::describe[]

    // tag::safely[]
    static Result askBlocking(ChatModel model, String prompt) {
        return SafeInvoke.safeInvoke(model, ChatRequest.builder().messages(UserMessage.from(prompt)).build());
    }

    static Result askStreaming(StreamingChatModel model, String prompt) {
        return SafeInvoke.safely(() -> AsyncChat.chatAsync(model, prompt)
                .orTimeout(1, TimeUnit.MINUTES)   // a last bound: a stalled stream must not hang the caller
                .join().aiMessage().text());
    }
    // end::safely[]

    /**
     * What one failure became: the exception (or the answer), LangChain4j's retriable verdict, the requests the
     * simulator saw for this one call (more than one: LangChain4j's built-in retry retried it) and their status.
     */
    record Outcome(Protocol protocol, boolean streaming, Fault fault, Result result, String thrown,
                   String verdict, int requests, int status, long millis) {

        String cell() {
            return thrown.equals("none") ? "none: the answer, " + (millis >= ExampleOptions.STALL.toMillis()
                    ? "after the stall" : "in time") : "`" + thrown + "`";
        }
    }

    static Outcome provoke(Simulator simulator, Provider provider, boolean streaming, Fault fault) {
        ModelOptions options = options(fault);
        String key = fault == Fault.WRONG_KEY ? "wrong-key" : provider.apiKey().value();
        GroundTruth.awaitQuiet(simulator);
        int before = simulator.stats().requests().size();
        long start = System.nanoTime();
        Result result = streaming
                ? askStreaming(streamingModel(provider, options, key), fault.prompt())
                : askBlocking(chatModel(provider, options, key), fault.prompt());
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        GroundTruth.awaitQuiet(simulator);
        List<RequestRecord> seen = simulator.stats().requests().subList(before, simulator.stats().requests().size());
        Throwable cause = switch (result) {
            case Answer answer -> null;
            case HttpError error -> error.cause();
            case Timeout timeout -> timeout.cause();
            case Failure failure -> failure.cause();
        };
        String verdict = cause instanceof RetriableException ? "retriable"
                : cause instanceof NonRetriableException ? "non-retriable" : "-";
        return new Outcome(provider.protocol(), streaming, fault, result,
                cause == null ? "none" : cause.getClass().getSimpleName(), verdict, seen.size(),
                seen.isEmpty() ? 0 : seen.getFirst().status(), millis);
    }

    private static ModelOptions options(Fault fault) {
        var options = ModelOptions.builder().timeout(CLIENT_TIMEOUT);   // maxRetries: LangChain4j's default, 2
        if (fault == Fault.BAD_REQUEST) {
            options.maxOutputTokens(-1);
        }
        if (fault == Fault.UNKNOWN_MODEL) {
            options.modelName("no-such-model");
        }
        return options.build();
    }

    /** The provider's model, or the same model with another key: {@link Provider} always uses the right one. */
    static ChatModel chatModel(Provider provider, ModelOptions options, String key) {
        if (key.equals(provider.apiKey().value())) {
            return provider.chatModel(options);
        }
        return switch (provider.protocol()) {
            case GEMINI -> GoogleAiGeminiChatModel.builder().baseUrl(provider.baseUrl()).apiKey(key)
                    .modelName(provider.modelName()).timeout(options.timeout()).build();
            case MISTRAL -> MistralAiChatModel.builder().baseUrl(provider.baseUrl()).apiKey(key)
                    .modelName(provider.modelName()).timeout(options.timeout()).build();
        };
    }

    static StreamingChatModel streamingModel(Provider provider, ModelOptions options, String key) {
        if (key.equals(provider.apiKey().value())) {
            return provider.streamingChatModel(options);
        }
        return switch (provider.protocol()) {
            case GEMINI -> GoogleAiGeminiStreamingChatModel.builder().baseUrl(provider.baseUrl()).apiKey(key)
                    .modelName(provider.modelName()).timeout(options.timeout()).build();
            case MISTRAL -> MistralAiStreamingChatModel.builder().baseUrl(provider.baseUrl()).apiKey(key)
                    .modelName(provider.modelName()).timeout(options.timeout()).build();
        };
    }

    /** Every fault on both model kinds of each provider, in table order. */
    static List<Outcome> provokeAll(Simulator simulator, List<Provider> providers) {
        var outcomes = new ArrayList<Outcome>();
        for (Fault fault : Fault.values()) {
            for (Provider provider : providers) {
                outcomes.add(provoke(simulator, provider, false, fault));
                outcomes.add(provoke(simulator, provider, true, fault));
            }
        }
        return outcomes;
    }

    /** The README's failure table: one row per fault and provider, sync and streaming side by side. */
    static String table(List<Outcome> outcomes) {
        var table = new StringBuilder("""
                | Failure | Forced by | Provider | HTTP status | `ChatModel.chat` throws | requests sent | \
                `StreamingChatModel` `onError` | requests sent | `safeInvoke` |
                |---|---|---|---|---|---|---|---|---|
                """);
        for (int i = 0; i + 1 < outcomes.size(); i += 2) {
            Outcome sync = outcomes.get(i);
            Outcome streaming = outcomes.get(i + 1);
            table.append("| %s | %s | %s | %s | %s | %d | %s | %d | %s |%n".formatted(sync.fault().title,
                    sync.fault().forcedBy, sync.protocol().displayName(),
                    sync.status() == 0 ? "none" : sync.status(),
                    sync.cell() + (sync.verdict().equals("-") ? "" : " (" + sync.verdict() + ")"), sync.requests(),
                    streaming.cell() + (streaming.verdict().equals("-") ? "" : " (" + streaming.verdict() + ")"),
                    streaming.requests(), describe(sync.result())));
        }
        return table.toString();
    }

    @Mixin
    ExampleOptions options;

    public static void main(String[] args) {
        ChapterCli.exit(new _01_WhatCanGoWrong(), args);
    }

    @Override
    public Integer call() {
        try (Simulator simulator = options.startSimulator()) {
            run(simulator, options.providers(simulator));
        }
        return 0;
    }

    static void run(Simulator simulator, List<Provider> providers) {
        System.out.printf("%nEvery failure, forced on the simulator; builder timeout %d s, LangChain4j's default "
                + "retries (2, blocking models only); a stall lasts %d s.%n%n",
                CLIENT_TIMEOUT.toSeconds(), ExampleOptions.STALL.toSeconds());
        System.out.print(table(provokeAll(simulator, providers)));
    }
}
