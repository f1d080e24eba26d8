package io.github.asynccookbook.chapter02;

import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.harness.ProviderOptions;
import io.github.asynccookbook.providers.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * The chapter's tour, each example once with small numbers: gather three ways, a batch like {@code abatch}, the
 * as-completed stream, fail fast against collect all, and the fan-out at scale.
 */
@Command(name = "chapter-02", mixinStandardHelpOptions = true,
        description = "Gather-style fan-out: gather, abatch, as-completed, fail fast, and scale.")
public final class Main implements Callable<Integer> {

    @Mixin
    ProviderOptions providers;

    public static void main(String[] args) {
        ChapterCli.exit(new Main(), args);
    }

    @Override
    public Integer call() throws Exception {
        List<Provider> chosen = providers.providers();

        section("1. Gather N calls, results in input order");
        _01_GatherThreeWays.show(chosen, 5);

        section("2. A batch like abatch: max concurrency, exceptions in their slots");
        chosen.forEach(provider -> _02_BatchLikeAbatch.show(provider, 8, 4));

        section("3. As completed");
        chosen.forEach(provider -> _03_AsCompleted.show(provider, 5));

        section("4. Fail fast against collect all");
        chosen.forEach(provider -> _04_FailFastVersusCollectAll.compare(provider, 6, 250));

        section("5. Scale");
        _05_Scale.run(providers, _05_Scale.Plan.of(List.of(10, 1000), List.of(_05_Scale.Approach.blocking)));
        return 0;
    }

    private static void section(String title) {
        System.out.printf("%n== %s%n", title);
    }
}
