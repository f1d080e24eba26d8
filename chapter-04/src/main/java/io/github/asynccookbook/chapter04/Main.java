package io.github.asynccookbook.chapter04;

import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.Providers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** The chapter's tour: every example in order, on one set of providers (the simulator when no key is set). */
@Command(name = "Main", mixinStandardHelpOptions = true,
        description = "Chapter 04 tour: streaming, Flux, the library's Flux, TTFT percentiles, stop generating, mid-stream failures.")
public final class Main implements Callable<Integer> {

    @Mixin
    ExampleOptions options;

    @Option(names = "--streams", defaultValue = "20", paramLabel = "N",
            description = "Concurrent streams per provider for the percentiles (default: ${DEFAULT-VALUE}).")
    int streams;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        _04_TtftPercentiles.requirePositive(spec, streams);
        Providers.runMain(() -> {
            List<Provider> providers = options.providers();
            _01_PrintTokens.run(providers, options.prompt);
            _02_FluxStream.run(providers, options.prompt);
            _03_LibraryFlux.run(providers, options.prompt);
            _04_TtftPercentiles.run(providers, options.prompt, streams);
            _05_StopGenerating.run(providers, options.prompt);
            _06_MidStreamFailures.run(providers, options.prompt);
        });
        return 0;
    }
}
