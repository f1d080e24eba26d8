package io.github.asynccookbook.chapter03;

import dev.langchain4j.model.chat.ChatModel;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.providers.Provider;
import picocli.CommandLine.Command;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;

/** The reactive cap: Reactor's {@code flatMap} family takes the concurrency as an argument. */
@Command(name = "_03_FlatMapConcurrency", mixinStandardHelpOptions = true,
        description = "Cap in-flight requests with Reactor's flatMapSequential(mapper, concurrency).")
public final class _03_FlatMapConcurrency extends ConcurrencyExample {

    // tag::flatmap[]
    static List<String> askAll(ChatModel model, List<String> questions, int limit) {
        return Flux.fromIterable(questions)
                .flatMapSequential(question -> Mono.fromCallable(() -> model.chat(question))
                        .subscribeOn(Schedulers.boundedElastic()), limit) // at most `limit` subscribed at once
                .collectList()
                .block();
    }
    // end::flatmap[]

    public static void main(String[] args) {
        ChapterCli.exit(new _03_FlatMapConcurrency(), args);
    }

    @Override
    ConcurrencyRun run(Provider provider, List<String> questions, int limit) throws Exception {
        return ConcurrencyRun.measure(provider, "flatMap(..., " + limit + ")", questions,
                (model, all) -> askAll(model, all, limit));
    }
}
