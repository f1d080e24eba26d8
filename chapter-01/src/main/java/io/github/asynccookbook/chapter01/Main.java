package io.github.asynccookbook.chapter01;

import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.harness.ProviderOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

/**
 * The chapter's tour: the models built by hand and a first call, a loop against concurrent calls, then the ways to
 * make calls asynchronous compared. Each provider builds its models once and uses them for every call.
 */
@Command(name = "chapter-01", mixinStandardHelpOptions = true,
        description = "Sync vs async calls: first call, loop vs concurrent, and the ways to ainvoke compared.")
public final class Main implements Callable<Integer> {

    @Mixin
    ProviderOptions providers;

    @Mixin
    RequestCount requests;

    public static void main(String[] args) {
        ChapterCli.exit(new Main(), args);
    }

    @Override
    public Integer call() {
        var chosen = providers.providers();

        System.out.printf("%n== 1. Models built by hand, a first call: \"%s\"%n", _01_FirstCall.QUESTION);
        chosen.forEach(provider -> _01_FirstCall.firstCalls(provider, System.out));

        List<ProviderModels> models = chosen.stream().map(ProviderModels::of).toList();
        System.out.printf("%n== 2. A loop against concurrent calls (providers side by side)%n");
        _02_LoopVersusConcurrent.print(sideBySide(models), requests.value, System.out);

        System.out.printf("%n== 3. The ways to ainvoke%n");
        models.forEach(m -> _03_ThreeWaysToAinvoke.print(m.name(),
                _03_ThreeWaysToAinvoke.compare(m, requests.value), requests.value, System.out));
        return 0;
    }

    /** Each provider's loop is still one call at a time; the providers do not wait for each other. */
    private List<_02_LoopVersusConcurrent.Comparison> sideBySide(List<ProviderModels> models) {
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            return models.stream()
                    .map(m -> CompletableFuture.supplyAsync(
                            () -> _02_LoopVersusConcurrent.compare(m, requests.value), executor))
                    .toList().stream().map(CompletableFuture::join).toList();
        }
    }
}
