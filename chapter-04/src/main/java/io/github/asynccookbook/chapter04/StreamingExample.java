package io.github.asynccookbook.chapter04;

import io.github.asynccookbook.harness.ProviderOptions;
import io.github.asynccookbook.providers.Provider;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * The command-line shell the examples share: {@code --provider}, the simulator's options and {@code --prompt}, then
 * the example once per chosen provider. The tour runs the same {@link #run} on its own providers.
 */
abstract class StreamingExample implements Callable<Integer> {

    @Mixin
    ProviderOptions providers;

    @Mixin
    PromptOption prompt;

    /** Runs the example on each provider and prints what it shows. */
    abstract void run(List<Provider> providers, String prompt);

    @Override
    public Integer call() {
        String text = prompt.prompt();   // a bad prompt is refused before any provider starts
        run(providers.providers(), text);
        return 0;
    }
}
