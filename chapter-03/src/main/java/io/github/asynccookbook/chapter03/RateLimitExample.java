package io.github.asynccookbook.chapter03;

import io.github.asynccookbook.harness.ProviderOptions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.simulator.Simulator;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * The command-line shell of the examples that run on the {@link RateLimitLab}: {@code --provider},
 * {@code --requests} and the lab's simulator options, then the example on the lab's providers.
 */
abstract class RateLimitExample implements Callable<Integer> {

    @Mixin
    ProviderOptions providers;

    @Mixin
    Workload workload;

    @Spec
    CommandSpec spec;

    /** Runs the example on the lab's simulator and the chosen providers on it, and prints what it shows. */
    abstract void run(Simulator simulator, List<Provider> providers, List<String> questions) throws Exception;

    @Override
    public Integer call() throws Exception {
        List<String> questions = workload.questions();
        RateLimitLab.of(spec, providers).run((simulator, chosen) -> run(simulator, chosen, questions));
        return 0;
    }
}
