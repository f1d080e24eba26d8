package io.github.asynccookbook.chapter04;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.Providers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/** A connection that drops half way through an answer: the error reaches {@code onError} after the first chunks. */
@Command(name = "_06_DroppedStream", mixinStandardHelpOptions = true,
        description = "Make the simulator drop the connection mid-stream ([sim:fault=drop-stream]) and show onError.")
public final class _06_DroppedStream implements Callable<Integer> {

    @Mixin
    ExampleOptions options;

    public static void main(String[] args) {
        System.exit(new CommandLine(new _06_DroppedStream()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Providers.runMain(() -> run(options.providers(), options.prompt));
        return 0;
    }

    static void run(List<Provider> providers, String prompt) {
        for (Provider provider : providers) {
            System.out.printf("%n-- %s (%s): connection dropped mid-stream --%n", provider.displayName(),
                    provider.modelName());
            if (provider.simulator().isEmpty()) {
                System.out.println("needs the simulator to drop the connection; skipped for a live provider");
                continue;
            }
            ChatRequest request = ChatRequest.builder()
                    .messages(UserMessage.from(SimulatorHints.fault(provider, prompt, "drop-stream"))).build();
            // tag::error[]
            var chunks = new AtomicInteger();
            StreamingFlux.stream(provider.streamingChatModel(), request)
                    .doOnNext(chunk -> chunks.incrementAndGet())
                    .doOnError(error -> System.out.printf("onError after %d chunk(s): %s: %s%n",
                            chunks.get(), error.getClass().getName(), error.getMessage()))
                    .onErrorComplete()                      // handled: the example goes on
                    .blockLast();
            // end::error[]
            GroundTruth.latestFinished(provider).ifPresent(r -> System.out.printf(
                    "simulator: sent %d of %d planned tokens, then closed the connection (fault %s)%n",
                    r.tokensSent(), r.plannedTokens(), r.fault()));
        }
    }
}
