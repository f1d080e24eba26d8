package io.github.asynccookbook.chapter06;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.harness.SimulatorHints;
import io.github.asynccookbook.providers.ModelOptions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.recipes.AsyncChat;
import io.github.asynccookbook.recipes.LoggingChatModelListener;
import io.github.asynccookbook.recipes.TimedStreamingChatModel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/** Observability without the event stream: a listener that logs each call, and TTFT as a Micrometer timer. */
@Command(name = "_06_ListenerAndMetrics", mixinStandardHelpOptions = true,
        description = "A ChatModelListener logging each call with timing and tokens; TTFT as a Micrometer timer.")
public final class _06_ListenerAndMetrics implements Callable<Integer> {

    // tag::observe[]
    static void askAll(StreamingChatModel model, MeterRegistry registry, List<String> prompts) {
        StreamingChatModel timed = new TimedStreamingChatModel(model, registry);   // TTFT of every call, any caller
        List<CompletableFuture<ChatResponse>> calls = prompts.stream()
                .map(prompt -> AsyncChat.chatAsync(timed, prompt))
                .toList();
        calls.forEach(call -> call.exceptionally(failed -> null).join());          // failures: the listener logs them
    }
    // end::observe[]

    @Mixin
    ExampleOptions options;

    public static void main(String[] args) {
        ChapterCli.exit(new _06_ListenerAndMetrics(), args);
    }

    @Override
    public Integer call() {
        run(options.providers(), options.topic);
        return 0;
    }

    static void run(List<Provider> providers, String topic) {
        // The listener logs at INFO through SLF4J; the chapters' logging shows WARN and above unless told otherwise.
        System.setProperty("org.slf4j.simpleLogger.log." + LoggingChatModelListener.class.getName(), "info");
        var registry = new SimpleMeterRegistry();
        for (Provider provider : providers) {
            ExampleOptions.heading(provider, "6", "a logging listener, TTFT in Micrometer");
            StreamingChatModel model = provider.streamingChatModel(
                    ModelOptions.builder().listener(new LoggingChatModelListener()).build());
            askAll(model, registry, List.of("Give 3 bullet points about: " + topic,
                    "Give 3 bullet points about: streaming",
                    SimulatorHints.fault(provider, "Give 3 bullet points about: retries", "500")));
        }
        System.out.printf("%nMicrometer (SimpleMeterRegistry):%n%s%n", registry.getMetersAsString());
    }
}
