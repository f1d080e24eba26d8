package io.github.asynccookbook.chapter02;

import io.github.asynccookbook.chapter01.Cli;
import io.github.asynccookbook.chapter01.ProviderChoice;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/**
 * The chapter's tour, each example once with small numbers: gather three ways, a batch like {@code abatch}, the
 * as-completed stream, fail fast against collect all, and the fan-out at scale.
 */
@Command(name = "chapter-02", mixinStandardHelpOptions = true,
        description = "Gather-style fan-out: gather, abatch, as-completed, fail fast, and scale.")
public final class Main implements Callable<Integer> {

    @Mixin
    ProviderChoice providers;

    public static void main(String[] args) {
        System.exit(Cli.execute(new Main(), args));
    }

    @Override
    public Integer call() throws Exception {
        String provider = "--provider=" + providers.choice();
        step("1. Gather N calls, results in input order", new _01_GatherThreeWays(), provider, "--requests=5");
        step("2. A batch like abatch: max concurrency, exceptions in their slots", new _02_BatchLikeAbatch(),
                provider, "--requests=8", "--max-concurrency=4");
        step("3. As completed", new _03_AsCompleted(), provider, "--requests=5");
        step("4. Fail fast against collect all", new _04_FailFastVersusCollectAll(), provider,
                "--requests=6", "--tokens=250");
        step("5. Scale", new _05_Scale(), provider, "--requests=10,1000");
        return 0;
    }

    private static void step(String title, Callable<Integer> example, String... args) throws Exception {
        System.out.printf("%n== %s%n", title);
        CommandLine.populateCommand(example, args).call();
    }
}
