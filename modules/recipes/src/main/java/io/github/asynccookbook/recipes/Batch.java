package io.github.asynccookbook.recipes;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Runs one call per input at the same time and gives back one {@link Outcome} per input: LangChain's
 * {@code abatch} / {@code abatch_as_completed} for Java. Each call runs on its own virtual thread, so a blocking
 * {@code ChatModel.chat} holds no platform thread while it waits; {@link #maxConcurrency} caps how many run at once.
 *
 * <pre>{@code
 * # Python (LangChain)
 * outputs = await model.abatch(prompts, config={"max_concurrency": 4}, return_exceptions=True)
 * async for index, output in model.abatch_as_completed(prompts, config={"max_concurrency": 4}): ...
 *
 * // Java
 * List<Outcome<String>> outcomes = Batch.of(prompts).maxConcurrency(4).returnExceptions(true).run(model::chat);
 * Batch.of(prompts).maxConcurrency(4).returnExceptions(true).asCompleted(model::chat).doOnNext(...).blockLast();
 * }</pre>
 *
 * Without {@code returnExceptions(true)} a batch fails fast: the first failure cancels the calls still running
 * (their virtual threads are interrupted) and surfaces as a {@link BatchFailedException}. Python's
 * {@code return_exceptions=False} raises the first error too, but leaves the other calls running.
 * <p>
 * At most {@link #DEFAULT_MAX_CONCURRENCY} calls run at once unless you say otherwise: ten thousand calls started
 * together would open ten thousand connections, run out of file descriptors and fail calls that never left.
 * Every input always ends as exactly one outcome: a call still running after {@link #callTimeout} (default
 * {@link #DEFAULT_CALL_TIMEOUT}) is cancelled and ends as a {@link TimeoutException}, so a stalled stream cannot hold
 * the batch forever. {@link #count} tallies the outcomes, e.g. {@code {ok=9990, RateLimitException=10}}.
 * <p>
 * One file, no dependency but Reactor: copy it into your project, or depend on the cookbook's recipes artifact.
 *
 * @param <I> the input type, e.g. a prompt
 */
public final class Batch<I> {

    /**
     * Reactor's own default for {@code flatMap}: enough to keep a provider's per-second limit busy, far below the
     * file descriptors of a default JVM, and below the 257 common-pool threads that cap LangChain4j's stock (JDK)
     * streaming transport, which holds one per stream (a non-blocking transport has no such cap; raise it then).
     */
    public static final int DEFAULT_MAX_CONCURRENCY = 256;

    /** Longer than any answer worth waiting for in a batch; a call that outlives it ends as a timeout, not a hang. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(10);

    /** One call for one input. It may block: it runs on a virtual thread. */
    @FunctionalInterface
    public interface Call<I, O> {
        O call(I input) throws Exception;
    }

    /**
     * What one call produced: its value or its exception, never both, tagged with the input's index so results
     * can be zipped back to their inputs even when they arrive in completion order. The Python equivalent is one
     * slot of {@code abatch(..., return_exceptions=True)}: the output or the {@code Exception}.
     *
     * @param <T> the call's result type
     */
    public sealed interface Outcome<T> {

        /** Position of the input this outcome belongs to. */
        int index();

        /** {@link System#nanoTime()} when the call started, after waiting for a free slot. */
        long startNanos();

        /** {@link System#nanoTime()} when the call returned or threw. */
        long endNanos();

        default Duration duration() {
            return Duration.ofNanos(endNanos() - startNanos());
        }

        /** The call returned {@code value}. */
        record Success<T>(int index, T value, long startNanos, long endNanos) implements Outcome<T> {
        }

        /** The call threw {@code error}. */
        record Failure<T>(int index, Exception error, long startNanos, long endNanos) implements Outcome<T> {
        }
    }

    /**
     * Thrown by a fail-fast batch at the first failed call, after the calls still running were cancelled. The
     * failed call's exception is the cause; {@link #failure()} also says which input it was.
     */
    public static final class BatchFailedException extends RuntimeException {

        private final transient Outcome.Failure<?> failure;

        public BatchFailedException(Outcome.Failure<?> failure) {
            super("call #%d failed: %s".formatted(failure.index(), failure.error()), failure.error());
            this.failure = failure;
        }

        public Outcome.Failure<?> failure() {
            return failure;
        }
    }

    /** Reactor cancels a call by interrupting its thread; a virtual thread per call keeps that cheap. */
    private static final Scheduler VIRTUAL_THREADS =
            Schedulers.fromExecutorService(Executors.newVirtualThreadPerTaskExecutor(), "batch");

    static {
        // Loaded up front: once a huge batch has used every file descriptor, a class file cannot be opened any more,
        // and a failure that could not be recorded would leave the batch waiting forever.
        List.of(Outcome.Success.class, Outcome.Failure.class, BatchFailedException.class, TimeoutException.class)
                .forEach(Class::getName);
    }

    private final List<I> inputs;
    private final int maxConcurrency;
    private final boolean returnExceptions;
    private final Duration callTimeout;

    private Batch(List<I> inputs, int maxConcurrency, boolean returnExceptions, Duration callTimeout) {
        this.inputs = inputs;
        this.maxConcurrency = maxConcurrency;
        this.returnExceptions = returnExceptions;
        this.callTimeout = callTimeout;
    }

    /**
     * A batch over these inputs: at most {@link #DEFAULT_MAX_CONCURRENCY} calls at once, each cancelled after
     * {@link #DEFAULT_CALL_TIMEOUT}, fail fast.
     */
    public static <I> Batch<I> of(List<? extends I> inputs) {
        return new Batch<>(List.copyOf(inputs), DEFAULT_MAX_CONCURRENCY, false, DEFAULT_CALL_TIMEOUT);
    }

    /**
     * At most {@code maxConcurrency} calls run at once; the others wait for a free slot (Python's
     * {@code max_concurrency}). {@code Integer.MAX_VALUE} starts every call at once, like {@code asyncio.gather}.
     */
    public Batch<I> maxConcurrency(int maxConcurrency) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1, got " + maxConcurrency);
        }
        return new Batch<>(inputs, maxConcurrency, returnExceptions, callTimeout);
    }

    /**
     * A call still running this long after it started is cancelled (its thread interrupted, its future cancelled)
     * and ends as an {@link Outcome.Failure} with a {@link TimeoutException}. A call that ignores the interrupt
     * keeps running unseen, so its slot is free again while it still holds a connection.
     */
    public Batch<I> callTimeout(Duration callTimeout) {
        if (callTimeout.isNegative() || callTimeout.isZero()) {
            throw new IllegalArgumentException("callTimeout must be positive, got " + callTimeout);
        }
        return new Batch<>(inputs, maxConcurrency, returnExceptions, callTimeout);
    }

    /**
     * {@code true}: a failed call fills its slot with an {@link Outcome.Failure} and the others go on.
     * {@code false} (the default): the first failure cancels the rest and throws {@link BatchFailedException}.
     */
    public Batch<I> returnExceptions(boolean returnExceptions) {
        return new Batch<>(inputs, maxConcurrency, returnExceptions, callTimeout);
    }

    /**
     * Runs the calls and waits for all of them: one outcome per input, in input order. Interrupting the waiting
     * thread cancels the calls still running.
     *
     * @throws BatchFailedException at the first failure, unless {@link #returnExceptions(boolean) returnExceptions}
     */
    public <O> List<Outcome<O>> run(Call<? super I, ? extends O> call) {
        List<Outcome<O>> slots = new ArrayList<>(Collections.nCopies(inputs.size(), null));
        this.<O>asCompleted(call).doOnNext(outcome -> slots.set(outcome.index(), outcome)).blockLast();
        return Collections.unmodifiableList(slots);
    }

    /**
     * The outcomes in the order the calls finish, each with its input's index. Nothing runs until subscription;
     * cancelling the subscription cancels the calls still running. Fails with {@link BatchFailedException} at the
     * first failure unless {@link #returnExceptions(boolean) returnExceptions}.
     */
    // tag::engine[]
    public <O> Flux<Outcome<O>> asCompleted(Call<? super I, ? extends O> call) {
        return Flux.range(0, inputs.size())
                .flatMap(index -> this.<O>attempt(index, call), maxConcurrency)
                .handle((outcome, sink) -> {
                    if (outcome instanceof Outcome.Failure<O> failure && !returnExceptions) {
                        sink.error(new BatchFailedException(failure));
                    } else {
                        sink.next(outcome);
                    }
                });
    }

    /** One call on a virtual thread of its own; whatever happens, exactly one outcome. */
    private <O> Mono<Outcome<O>> attempt(int index, Call<? super I, ? extends O> call) {
        return Mono.defer(() -> {
            long subscribed = System.nanoTime();
            return Mono.fromCallable(() -> this.<O>outcome(index, call))
                    .subscribeOn(VIRTUAL_THREADS)
                    .timeout(callTimeout, Mono.fromSupplier(() -> new Outcome.Failure<>(index,
                            new TimeoutException("call #%d still running after %s: cancelled".formatted(index,
                                    callTimeout)), subscribed, System.nanoTime())));
        });
    }

    private <O> Outcome<O> outcome(int index, Call<? super I, ? extends O> call) {
        long start = System.nanoTime();
        try {
            return new Outcome.Success<>(index, call.call(inputs.get(index)), start, System.nanoTime());
        } catch (Exception e) {
            return new Outcome.Failure<>(index, e, start, System.nanoTime());
        }
    }
    // end::engine[]

    /**
     * How the calls ended, counted: {@code ok} for answers, else the exception's simple class name, e.g.
     * {@code {RateLimitException=12, TimeoutException=1, ok=9987}}. The counts add up to the outcomes given.
     */
    public static Map<String, Integer> count(Collection<? extends Outcome<?>> outcomes) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Outcome<?> outcome : outcomes) {
            String key = switch (outcome) {
                case Outcome.Success<?> success -> "ok";
                case Outcome.Failure<?> failure -> failure.error().getClass().getSimpleName();
            };
            counts.merge(key, 1, Integer::sum);
        }
        return counts;
    }

    /**
     * A {@link Call} for a non-blocking call: it starts the call, waits for its future on the batch's virtual
     * thread, and cancels the future when the batch cancels the call.
     */
    // tag::awaiting[]
    public static <I, O> Call<I, O> awaiting(Function<? super I, ? extends Future<? extends O>> start) {
        return input -> {
            Future<? extends O> future = start.apply(input);
            try {
                return future.get();
            } catch (InterruptedException e) {
                future.cancel(true);
                throw e;
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        };
    }
    // end::awaiting[]
}
