package io.github.asynccookbook.chapter06;

import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.providers.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** The chapter's tour: every example in order, the source snippet's event stream first. */
@Command(name = "Main", mixinStandardHelpOptions = true,
        description = "Chapter 06 tour: astream_events on the chain, the same chain three other ways, filters, "
                + "cancel and failure, an AI service's events, a logging listener and TTFT in Micrometer.")
public final class Main implements Callable<Integer> {

    @Mixin
    ExampleOptions options;

    @Option(names = "--stop-after", paramLabel = "N", defaultValue = "3",
            description = "Model chunks to read before leaving the stream in example 4 (default: ${DEFAULT-VALUE}).")
    int stopAfter = 3;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        ChapterCli.exit(new Main(), args);
    }

    @Override
    public Integer call() {
        _04_CancelAndFail.requireStopAfter(spec, stopAfter);
        List<Provider> providers = options.providers();
        _01_ChainEvents.run(providers, options.topic);
        _02_ChainThreeWays.run(providers, options.topic);
        _03_Filtering.run(providers, options.topic);
        _04_CancelAndFail.run(providers, options.topic, stopAfter);
        _05_AiServiceEvents.run(providers, _05_AiServiceEvents.DEFAULT_QUESTION);
        _06_ListenerAndMetrics.run(providers, options.topic);
        return 0;
    }
}
