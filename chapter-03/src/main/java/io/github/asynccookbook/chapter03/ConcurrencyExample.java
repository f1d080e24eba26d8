package io.github.asynccookbook.chapter03;

import io.github.asynccookbook.harness.ProviderOptions;
import io.github.asynccookbook.providers.Provider;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * The command-line shell of the examples that cap in-flight requests: {@code --provider}, {@code --requests} and
 * {@code --max-concurrency}, then one measured run per chosen provider, as a table.
 */
abstract class ConcurrencyExample implements Callable<Integer> {

    @Mixin
    ProviderOptions providers;

    @Mixin
    Workload workload;

    @Mixin
    MaxConcurrency maxConcurrency;

    /** One measured run of the questions on one provider, at most {@code limit} in flight. */
    abstract ConcurrencyRun run(Provider provider, List<String> questions, int limit) throws Exception;

    @Override
    public Integer call() throws Exception {
        List<String> questions = workload.questions();
        int limit = maxConcurrency.value();
        ConcurrencyRun.printPerProvider(providers.providers(), provider -> run(provider, questions, limit));
        return 0;
    }
}
