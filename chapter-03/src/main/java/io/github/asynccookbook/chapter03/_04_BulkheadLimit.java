package io.github.asynccookbook.chapter03;

import dev.langchain4j.model.chat.ChatModel;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.providers.Provider;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import picocli.CommandLine.Command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The production cap: Resilience4j's Bulkhead is a semaphore with a wait limit, metrics and events. */
@Command(name = "_04_BulkheadLimit", mixinStandardHelpOptions = true,
        description = "Cap in-flight requests with a Resilience4j Bulkhead.")
public final class _04_BulkheadLimit extends ConcurrencyExample {

    // tag::bulkhead[]
    /** A request waits this long for a free slot before the bulkhead refuses it. */
    private static final Duration MAX_WAIT = Duration.ofMinutes(5);

    static List<String> askAll(ChatModel model, List<String> questions, int limit)
            throws InterruptedException, ExecutionException {
        Bulkhead bulkhead = Bulkhead.of("llm", BulkheadConfig.custom()
                .maxConcurrentCalls(limit)
                .maxWaitDuration(MAX_WAIT)
                .build());
        List<Callable<String>> calls = questions.stream()
                .map(question -> Bulkhead.decorateCallable(bulkhead, () -> model.chat(question)))
                .toList();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var answers = new ArrayList<String>();
            for (Future<String> answer : executor.invokeAll(calls)) {
                answers.add(answer.get()); // the first failure is thrown, its cause kept, as gather raises it
            }
            return answers;
        }
    }
    // end::bulkhead[]

    public static void main(String[] args) {
        ChapterCli.exit(new _04_BulkheadLimit(), args);
    }

    @Override
    ConcurrencyRun run(Provider provider, List<String> questions, int limit) throws Exception {
        return ConcurrencyRun.measure(provider, "Bulkhead(" + limit + ")", questions,
                (model, all) -> askAll(model, all, limit));
    }
}
