package io.github.asynccookbook.chapter07;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.harness.GroundTruth;
import io.github.asynccookbook.providers.ModelOptions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.recipes.SafeInvoke;
import io.github.asynccookbook.recipes.StreamingFlux;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/** The caller walks away: a cancelled future, a disposed subscription, an interrupted thread, a failed group. */
@Command(name = "_03_Cancellation", mixinStandardHelpOptions = true,
        description = "Cancel a future, dispose a Flux and a Mono, interrupt a virtual thread, and cancel a group of "
                + "calls when one fails; the simulator shows each connection closed.")
public final class _03_Cancellation implements Callable<Integer> {

    /** When the caller gives up: after the first chunks, during the stall that follows them. */
    static final Duration CANCEL_AFTER = Duration.ofMillis(400);

    // tag::interrupt[]
    static Thread chatOnVirtualThread(ChatModel model, String prompt, CompletableFuture<String> answer) {
        return Thread.ofVirtual().name("chat").start(() -> {
            try {
                answer.complete(model.chat(prompt));   // thread.interrupt(): the JDK client aborts the exchange
            } catch (RuntimeException failure) {
                answer.completeExceptionally(failure);
            }
        });
    }
    // end::interrupt[]

    // tag::groupReactor[]
    static Mono<List<String>> allOrNothing(List<Mono<String>> calls) {
        return Flux.fromIterable(calls)
                .flatMapSequential(call -> call)   // the first error cancels every call still running
                .collectList();
    }
    // end::groupReactor[]

    // tag::groupFuture[]
    static CompletableFuture<List<String>> allOrNone(List<CompletableFuture<String>> calls) {
        var all = new CompletableFuture<List<String>>();
        for (CompletableFuture<String> call : calls) {
            call.whenComplete((answer, failure) -> {
                if (failure != null && all.completeExceptionally(failure)) {   // the first failure wins
                    calls.forEach(other -> other.cancel(true));   // allOf alone would wait for every one
                }
            });
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
                .thenRun(() -> all.complete(calls.stream().map(CompletableFuture::join).toList()));
        return all;
    }
    // end::groupFuture[]

    /** One way of walking away, and what the simulator saw of the requests it ended. */
    record Walkaway(String how, String outcome, List<RequestRecord> requests) {

        String line() {
            long disconnects = requests.stream().filter(RequestRecord::clientDisconnected).count();
            int sent = requests.stream().mapToInt(RequestRecord::tokensSent).sum();
            int planned = requests.stream().mapToInt(RequestRecord::plannedTokens).sum();
            return "%-30s %-26s simulator: %d request(s), %d client disconnect(s), %d of %d tokens sent"
                    .formatted(how, outcome, requests.size(), disconnects, sent, planned);
        }
    }

    static List<Walkaway> run(Provider provider) {
        StreamingChatModel streaming = provider.streamingChatModel();
        ChatModel blocking = provider.chatModel(ModelOptions.builder().maxRetries(0).build());
        String stalls = "Explain cancellation. [sim:fault=stall-stream]";
        String stallsBeforeHeaders = "Explain cancellation. [sim:fault=stall-headers]";

        Walkaway future = observe(provider, "CompletableFuture.cancel", 1, pause -> {
            CompletableFuture<String> answer = _02_Deadlines.streamingWithin(streaming,
                    _02_Deadlines.request(stalls), Duration.ofMinutes(1));
            pause.run();
            answer.cancel(true);   // its whenComplete cancels the streaming handle
            return answer.isCancelled() ? "cancelled" : "not cancelled";
        });
        Walkaway flux = observe(provider, "Flux: dispose()", 1, pause -> {
            Disposable subscription = StreamingFlux.stream(streaming, _02_Deadlines.request(stalls))
                    .subscribeOn(Schedulers.boundedElastic()).subscribe();
            pause.run();
            subscription.dispose();
            return "disposed";
        });
        Walkaway mono = observe(provider, "Mono: dispose()", 1, pause -> {
            Disposable subscription = StreamingFlux.stream(streaming, _02_Deadlines.request(stalls))
                    .subscribeOn(Schedulers.boundedElastic()).reduce(String::concat).subscribe();
            pause.run();
            subscription.dispose();
            return "disposed";
        });
        Walkaway thread = observe(provider, "virtual thread: interrupt()", 1, pause -> {
            var answer = new CompletableFuture<String>();
            Thread chat = chatOnVirtualThread(blocking, stallsBeforeHeaders, answer);
            pause.run();
            chat.interrupt();
            return _01_WhatCanGoWrong.describe(SafeInvoke.safely(answer::join));
        });
        Walkaway groupReactor = observe(provider, "group of 3 (Reactor), 1 fails", 3, pause -> {
            List<Mono<String>> calls = List.of(
                    StreamingFlux.stream(streaming, _02_Deadlines.request(stalls)).reduce(String::concat),
                    StreamingFlux.stream(streaming, _02_Deadlines.request(stalls + " ")).reduce(String::concat),
                    Mono.fromRunnable(pause).subscribeOn(Schedulers.boundedElastic()).then(StreamingFlux.stream(
                            streaming, _02_Deadlines.request("Fail. [sim:fault=500]")).reduce(String::concat)));
            return _01_WhatCanGoWrong.describe(SafeInvoke.safely(() -> String.join("", allOrNothing(calls).block())));
        });
        Walkaway groupFutures = observe(provider, "group of 3 (futures), 1 fails", 3, pause -> {
            List<CompletableFuture<String>> calls = List.of(
                    _02_Deadlines.streamingWithin(streaming, _02_Deadlines.request(stalls), Duration.ofMinutes(1)),
                    _02_Deadlines.streamingWithin(streaming, _02_Deadlines.request(stalls + " "), Duration.ofMinutes(1)),
                    CompletableFuture.runAsync(pause)
                            .thenCompose(paused -> _02_Deadlines.streamingWithin(streaming,
                                    _02_Deadlines.request("Fail. [sim:fault=500]"), Duration.ofMinutes(1))));
            return _01_WhatCanGoWrong.describe(SafeInvoke.safely(() -> String.join("",
                    allOrNone(calls).join())));
        });
        return List.of(future, flux, mono, thread, groupReactor, groupFutures);
    }

    /**
     * Runs one walkaway; its {@code pause} waits until the simulator has the request (a group's: all but the failing one), then {@link #CANCEL_AFTER}
     * more, so the caller walks away from a call in progress and not from one not yet sent.
     */
    private static Walkaway observe(Provider provider, String how, int requests, Function<Runnable, String> walk) {
        Simulator simulator = provider.simulator().orElseThrow();
        GroundTruth.awaitQuiet(simulator);
        int before = simulator.stats().requests(provider.modelName()).size();
        String outcome = walk.apply(() -> {
            long patience = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (simulator.stats().requests(provider.modelName()).size() < before + Math.max(1, requests - 1)
                    && System.nanoTime() < patience) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
            pause();
        });
        return new Walkaway(how, outcome, finished(simulator, provider.modelName(), before, requests));
    }

    /** The {@code count} requests after the first {@code before}, once the simulator has ended them all. */
    static List<RequestRecord> finished(Simulator simulator, String model, int before, int count) {
        long patience = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            List<RequestRecord> all = simulator.stats().requests(model);
            List<RequestRecord> ours = all.subList(Math.min(before, all.size()), all.size());
            if (ours.size() >= count && ours.stream().allMatch(r -> r.completionMillis() != null)
                    || System.nanoTime() > patience) {
                return List.copyOf(ours);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    private static void pause() {
        try {
            Thread.sleep(CANCEL_AFTER);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Mixin
    ExampleOptions options;

    public static void main(String[] args) {
        ChapterCli.exit(new _03_Cancellation(), args);
    }

    @Override
    public Integer call() {
        try (Simulator simulator = options.startSimulator()) {
            for (Provider provider : options.providers(simulator)) {
                ExampleOptions.heading(provider, "3", "walking away after " + CANCEL_AFTER.toMillis()
                        + " ms from answers that stall " + ExampleOptions.STALL.toSeconds() + " s");
                run(provider).forEach(walkaway -> System.out.println(walkaway.line()));
            }
        }
        return 0;
    }
}
