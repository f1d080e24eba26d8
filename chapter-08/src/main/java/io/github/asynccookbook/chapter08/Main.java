package io.github.asynccookbook.chapter08;

import io.github.asynccookbook.harness.ChapterCli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** The chapter's tour: a prompt function four ways, then the four genres in parallel, on each provider. */
@Command(name = "chapter-08", mixinStandardHelpOptions = true,
        description = "AI services: a prompt function sync/async/streaming, then four genres in parallel.")
public final class Main implements Callable<Integer> {

    @Mixin
    ExampleOptions options;

    public static void main(String[] args) {
        ChapterCli.exit(new Main(), args);
    }

    @Override
    public Integer call() {
        _01_PromptFunctions.run(options.providers(), _01_PromptFunctions.DEFAULT_GENRE);
        _02_FourGenres.run(options.providers());
        return 0;
    }
}
