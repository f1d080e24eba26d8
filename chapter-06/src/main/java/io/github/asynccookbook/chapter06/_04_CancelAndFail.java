package io.github.asynccookbook.chapter06;

import io.github.asynccookbook.harness.Bounds;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.harness.GroundTruth;
import io.github.asynccookbook.harness.SimulatorHints;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.recipes.StreamEvents.Chain;
import io.github.asynccookbook.recipes.StreamEvents.StreamEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import reactor.core.publisher.Flux;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/** Leaving the event stream half way closes the HTTP stream; a failure ends it with one error event. */
@Command(name = "_04_CancelAndFail", mixinStandardHelpOptions = true,
        description = "Stop the event stream after N chunks (the provider stops sending), then a forced failure.")
public final class _04_CancelAndFail implements Callable<Integer> {

    /** A long answer, so that stopping after a few chunks leaves most of it unsent. */
    static final int ANSWER_TOKENS = 400;

    // tag::cancel[]
    static List<StreamEvent> stopAfterChunks(Flux<StreamEvent> events, int chunks) {
        var seen = new AtomicInteger();
        return events
                .takeUntil(event -> event instanceof StreamEvent.ChatModelStream && seen.incrementAndGet() == chunks)
                .collectList()   // takeUntil cancels upstream: the HTTP stream is closed
                .block();
    }
    // end::cancel[]

    // tag::fail[]
    static StreamEvent lastEvent(Chain chain, String topic) {
        List<StreamEvent> events = chain.streamEvents(Map.of("topic", topic)).collectList().block();
        return events.getLast();   // StreamEvent.Error when the run failed, ChainEnd otherwise
    }
    // end::fail[]

    @Mixin
    ExampleOptions options;

    @Option(names = "--stop-after", paramLabel = "N", defaultValue = "3",
            description = "Model chunks to read before leaving the stream (default: ${DEFAULT-VALUE}).")
    int stopAfter = 3;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        ChapterCli.exit(new _04_CancelAndFail(), args);
    }

    @Override
    public Integer call() {
        requireStopAfter(spec, stopAfter);
        run(options.providers(), options.topic, stopAfter);
        return 0;
    }

    static void requireStopAfter(CommandSpec spec, int stopAfter) {
        Bounds.require(spec, "--stop-after", stopAfter, 1, 1_000);
    }

    static void run(List<Provider> providers, String topic, int stopAfter) {
        for (Provider provider : providers) {
            ExampleOptions.heading(provider, "4", "leave after " + stopAfter + " chunks, then a failure");
            Chain chain = _01_ChainEvents.bulletPoints(provider.streamingChatModel());
            String longAnswer = SimulatorHints.answerLength(provider, topic, ANSWER_TOKENS);
            List<StreamEvent> received = stopAfterChunks(chain.streamEvents(Map.of("topic", longAnswer)), stopAfter);
            System.out.printf("received %d events: %s%n", received.size(), EventLog.counts(received));
            GroundTruth.latestFinished(provider).ifPresentOrElse(
                    r -> System.out.printf("simulator: sent %d of %d planned tokens, client disconnect recorded: %s%n",
                            r.tokensSent(), r.plannedTokens(), r.clientDisconnected() ? "yes" : "no"),
                    () -> System.out.println("live provider: no ground truth to show"));

            StreamEvent last = lastEvent(chain, SimulatorHints.fault(provider, topic, "500"));
            System.out.printf("forced HTTP 500: last event %s in %s: %s%n", last.event(), last.name(),
                    EventLog.detail(last));
        }
    }
}
