package io.github.asynccookbook.chapter03;

import dev.langchain4j.model.chat.ChatModel;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.providers.Provider;
import picocli.CommandLine.Command;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/** Python's {@code asyncio.Semaphore(5)} in Java: {@link Semaphore} around each call, one virtual thread per question. */
@Command(name = "_02_SemaphoreLimit", mixinStandardHelpOptions = true,
        description = "Cap in-flight requests with java.util.concurrent.Semaphore.")
public final class _02_SemaphoreLimit extends ConcurrencyExample {

    // tag::semaphore[]
    static List<String> askAll(ChatModel model, List<String> questions, int limit)
            throws InterruptedException, ExecutionException {
        var permits = new Semaphore(limit);
        List<Callable<String>> calls = questions.stream().<Callable<String>>map(question -> () -> {
            permits.acquire(); // async with sem:
            try {
                return model.chat(question);
            } finally {
                permits.release();
            }
        }).toList();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var answers = new ArrayList<String>();
            for (Future<String> answer : executor.invokeAll(calls)) {
                answers.add(answer.get()); // the first failure is thrown, its cause kept, as gather raises it
            }
            return answers;
        }
    }
    // end::semaphore[]

    public static void main(String[] args) {
        ChapterCli.exit(new _02_SemaphoreLimit(), args);
    }

    @Override
    ConcurrencyRun run(Provider provider, List<String> questions, int limit) throws Exception {
        return ConcurrencyRun.measure(provider, "Semaphore(" + limit + ")", questions,
                (model, all) -> askAll(model, all, limit));
    }
}
