package io.github.asynccookbook.chapter04;

import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.harness.ProviderOptions;
import io.github.asynccookbook.providers.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** The chapter's tour: every example in order, on one set of providers (the simulator when no key is set). */
@Command(name = "chapter-04", mixinStandardHelpOptions = true,
        description = "Chapter 04 tour: streaming, Flux, the library's Flux, TTFT percentiles, stop generating, "
                + "mid-stream failures.")
public final class Main implements Callable<Integer> {

    @Mixin
    ProviderOptions providers;

    @Mixin
    PromptOption prompt;

    @Option(names = "--streams", defaultValue = "20", paramLabel = "N",
            description = "Concurrent streams per provider for the percentiles (default: ${DEFAULT-VALUE}).")
    int streams;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        ChapterCli.exit(new Main(), args);
    }

    @Override
    public Integer call() {
        String text = prompt.prompt();
        _04_TtftPercentiles.requireStreams(spec, streams);
        List<Provider> chosen = providers.providers();
        new _01_PrintTokens().run(chosen, text);
        new _02_FluxStream().run(chosen, text);
        new _03_LibraryFlux().run(chosen, text);
        _04_TtftPercentiles.run(chosen, text, streams);
        new _05_StopGenerating().run(chosen, text);
        new _06_MidStreamFailures().run(chosen, text);
        return 0;
    }
}
