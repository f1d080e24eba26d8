package io.github.asynccookbook.chapter02;

import dev.langchain4j.model.chat.ChatModel;
import io.github.asynccookbook.harness.Bounds;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.harness.GroundTruth;
import io.github.asynccookbook.harness.ProviderOptions;
import io.github.asynccookbook.harness.Questions;
import io.github.asynccookbook.harness.Timed;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.report.ConsoleTable;
import io.github.asynccookbook.report.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.function.Tuple2;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code asyncio.gather(*calls)} three ways: {@link CompletableFuture#allOf}, a virtual-thread executor's
 * {@code invokeAll}, and Reactor's {@code flatMapSequential}; then {@code Mono.zip} for two different calls. Every
 * way hands the answers back in input order, whatever order the calls finish in.
 */
@Command(name = "_01_GatherThreeWays", mixinStandardHelpOptions = true,
        description = "Gather N calls with results in input order: allOf, invokeAll and Reactor.")
public final class _01_GatherThreeWays implements Callable<Integer> {

    // tag::scheduler[]
    /** Schedulers.boundedElastic() would cap a gather at 10 threads per core; a virtual thread per call has no cap. */
    static final Scheduler VIRTUAL_THREADS =
            Schedulers.fromExecutorService(Executors.newVirtualThreadPerTaskExecutor(), "gather");
    // end::scheduler[]

    // tag::allOf[]
    static List<String> allOf(ChatModel model, List<String> prompts) {
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<String>> futures = prompts.stream()
                    .map(prompt -> CompletableFuture.supplyAsync(() -> model.chat(prompt), executor))
                    .toList();
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
            return futures.stream().map(CompletableFuture::join).toList(); // input order, all done
        }
    }
    // end::allOf[]

    // tag::invokeAll[]
    static List<String> invokeAll(ChatModel model, List<String> prompts)
            throws InterruptedException, ExecutionException {
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Callable<String>> calls = prompts.stream()
                    .<Callable<String>>map(prompt -> () -> model.chat(prompt))
                    .toList();
            var answers = new ArrayList<String>();
            for (Future<String> future : executor.invokeAll(calls)) { // returns when every call is done
                answers.add(future.get());
            }
            return answers;
        }
    }
    // end::invokeAll[]

    // tag::flatMapSequential[]
    static List<String> flatMapSequential(ChatModel model, List<String> prompts) {
        return Flux.fromIterable(prompts)
                .flatMapSequential(prompt -> Mono.fromCallable(() -> model.chat(prompt))
                        .subscribeOn(VIRTUAL_THREADS), prompts.size()) // all at once, emitted in input order
                .collectList()
                .block();
    }
    // end::flatMapSequential[]

    // tag::zip[]
    static Tuple2<String, String> zip(ChatModel gemini, ChatModel mistral, String prompt) {
        return Mono.zip(
                        Mono.fromCallable(() -> gemini.chat(prompt)).subscribeOn(VIRTUAL_THREADS),
                        Mono.fromCallable(() -> mistral.chat(prompt)).subscribeOn(VIRTUAL_THREADS))
                .block();
    }
    // end::zip[]

    static final int MAX_REQUESTS = 1_000;

    @Mixin
    ProviderOptions providers;

    @Option(names = "--requests", paramLabel = "N", defaultValue = "5",
            description = "Calls to gather, 1 to " + MAX_REQUESTS + " (default: ${DEFAULT-VALUE}).")
    int requests;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        ChapterCli.exit(new _01_GatherThreeWays(), args);
    }

    @Override
    public Integer call() throws Exception {
        Bounds.require(spec, "--requests", requests, 1, MAX_REQUESTS);
        show(providers.providers(), requests);
        return 0;
    }

    static void show(List<Provider> chosen, int requests) throws Exception {
        List<String> prompts = Questions.first(requests);
        for (Provider provider : chosen) {
            compare(provider, prompts);
        }
        if (chosen.size() == 2) {
            twoProvidersAtOnce(chosen.get(0).chatModel(), chosen.get(1).chatModel(), Questions.about(0));
        }
    }

    private static void compare(Provider provider, List<String> prompts) throws Exception {
        ChatModel model = provider.chatModel();
        System.out.printf("%n%s: %d questions gathered three ways%n", provider.displayName(), prompts.size());
        var table = new ConsoleTable("way", "wall", "in flight at once", "each answer in its question's slot");
        List<String> answers = null;
        for (Way way : Way.values()) {
            GroundTruth.reset(provider);
            long start = System.nanoTime();
            answers = way.gather(model, prompts);
            table.row(way.label, Durations.seconds(System.nanoTime() - start), GroundTruth.maxInFlight(provider),
                    Questions.inInputOrder(answers) ? "yes" : "no");
        }
        System.out.print(table.render());
        for (int i = 0; i < Math.min(3, answers.size()); i++) {
            System.out.printf("  #%d %-8s -> %s%n", i, Questions.topic(i), Questions.head(answers.get(i), 60));
        }
    }

    private enum Way {
        ALL_OF("CompletableFuture.allOf"),
        INVOKE_ALL("ExecutorService.invokeAll"),
        FLAT_MAP_SEQUENTIAL("Flux.flatMapSequential");

        final String label;

        Way(String label) {
            this.label = label;
        }

        List<String> gather(ChatModel model, List<String> prompts) throws Exception {
            return switch (this) {
                case ALL_OF -> allOf(model, prompts);
                case INVOKE_ALL -> invokeAll(model, prompts);
                case FLAT_MAP_SEQUENTIAL -> flatMapSequential(model, prompts);
            };
        }
    }

    private static void twoProvidersAtOnce(ChatModel gemini, ChatModel mistral, String prompt) {
        System.out.printf("%nTwo different calls at once: Mono.zip(Gemini, Mistral)%n");
        Timed<Tuple2<String, String>> both = Timed.run(() -> zip(gemini, mistral, prompt));
        System.out.printf("  wall %s%n  Gemini  -> %s%n  Mistral -> %s%n", Durations.seconds(both.elapsed()),
                Questions.head(both.value().getT1(), 60), Questions.head(both.value().getT2(), 60));
    }
}
