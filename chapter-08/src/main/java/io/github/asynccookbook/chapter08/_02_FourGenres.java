package io.github.asynccookbook.chapter08;

import io.github.asynccookbook.chapter08._01_PromptFunctions.MovieSummaries;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.providers.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuples;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

/** The source's four genres in parallel: one shared AI service, each summary zipped back to its genre. */
@Command(name = "_02_FourGenres", mixinStandardHelpOptions = true,
        description = "Four movie summaries in parallel from one shared AI service, zipped back to their genres.")
public final class _02_FourGenres implements Callable<Integer> {

    static final List<String> GENRES = List.of("science fiction", "comedy", "drama", "horror");

    // tag::fanOut[]
    /** All calls at once on one shared service (pass {@code service::summary}); flatMapSequential keeps input order. */
    static Flux<Tuple2<String, String>> summaries(Function<String, String> summary, List<String> genres) {
        return Flux.fromIterable(genres)
                .flatMapSequential(genre -> Mono
                        .fromCallable(() -> summary.apply(genre))
                        .subscribeOn(Schedulers.boundedElastic())
                        .map(text -> Tuples.of(genre, text)));
    }
    // end::fanOut[]

    @Mixin
    ExampleOptions options;

    public static void main(String[] args) {
        ChapterCli.exit(new _02_FourGenres(), args);
    }

    @Override
    public Integer call() {
        run(options.providers());
        return 0;
    }

    static void run(List<Provider> providers) {
        for (Provider provider : providers) {
            ExampleOptions.heading(provider, "2", "four genres in parallel");
            MovieSummaries service = _01_PromptFunctions.service(provider.chatModel(),
                    provider.streamingChatModel());
            long start = System.nanoTime();
            summaries(service::summary, GENRES).doOnNext(pair -> System.out.printf("%-16s %s%n", pair.getT1(),
                    ExampleOptions.firstSentence(pair.getT2()))).blockLast();
            System.out.printf("(%d calls in %,d ms)%n", GENRES.size(), (System.nanoTime() - start) / 1_000_000);
        }
    }
}
