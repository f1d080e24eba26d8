package io.github.asynccookbook.chapter02;

import io.github.asynccookbook.chapter01.Cli;
import io.github.asynccookbook.chapter01.ProviderChoice;
import dev.langchain4j.model.chat.ChatModel;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.report.ConsoleTable;
import io.github.asynccookbook.report.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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

    @Mixin
    ProviderChoice providers;

    @Option(names = "--requests", paramLabel = "N", defaultValue = "5",
            description = "calls to gather (default: ${DEFAULT-VALUE})")
    int requests;

    @Spec
    CommandSpec spec;

    // tag::scheduler[]
    /** Schedulers.boundedElastic() would cap a gather at 10 threads per core; a virtual thread per call has no cap. */
    static final Scheduler VIRTUAL_THREADS =
            Schedulers.fromExecutorService(Executors.newVirtualThreadPerTaskExecutor(), "gather");
    // end::scheduler[]

    public static void main(String[] args) {
        System.exit(Cli.execute(new _01_GatherThreeWays(), args));
    }

    @Override
    public Integer call() throws Exception {
        if (requests < 1 || requests > 1_000) {
            throw new ParameterException(spec.commandLine(), "--requests must be between 1 and 1000, got " + requests);
        }
        List<Provider> chosen = providers.providers();
        List<String> prompts = Questions.first(requests);
        for (Provider provider : chosen) {
            compare(provider, prompts);
        }
        if (chosen.size() == 2) {
            twoProvidersAtOnce(chosen.get(0).chatModel(), chosen.get(1).chatModel(), Questions.about(0));
        }
        return 0;
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

    private static void twoProvidersAtOnce(ChatModel gemini, ChatModel mistral, String prompt) {
        System.out.printf("%nTwo different calls at once: Mono.zip(Gemini, Mistral)%n");
        long start = System.nanoTime();
        Tuple2<String, String> both = zip(gemini, mistral, prompt);
        System.out.printf("  wall %s%n  Gemini  -> %s%n  Mistral -> %s%n", Durations.seconds(System.nanoTime() - start),
                Questions.head(both.getT1(), 60), Questions.head(both.getT2(), 60));
    }

    // tag::zip[]
    static Tuple2<String, String> zip(ChatModel gemini, ChatModel mistral, String prompt) {
        return Mono.zip(
                        Mono.fromCallable(() -> gemini.chat(prompt)).subscribeOn(VIRTUAL_THREADS),
                        Mono.fromCallable(() -> mistral.chat(prompt)).subscribeOn(VIRTUAL_THREADS))
                .block();
    }
    // end::zip[]
}
