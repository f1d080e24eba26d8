package io.github.asynccookbook.chapter08;

import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.providers.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * The chapter's tour, the source's three flows on each provider: a book recommendation through a tool, four genres
 * in parallel, a two-turn chat session; then the same three-tool turn with sequential and with concurrent tools.
 */
@Command(name = "chapter-08", mixinStandardHelpOptions = true,
        description = "AI services: a book recommendation through a tool, four genres in parallel, a two-turn chat "
                + "session, then sequential vs concurrent tools.")
public final class Main implements Callable<Integer> {

    @Mixin
    ExampleOptions options;

    public static void main(String[] args) {
        ChapterCli.exit(new Main(), args);
    }

    @Override
    public Integer call() {
        for (Provider provider : options.providers()) {
            _03_AsyncTools.formatBook(provider, _03_AsyncTools.DEFAULT_LOOKUP);
            _02_FourGenres.run(List.of(provider));
            _04_ChatSessions.twoTurnSession(provider);
        }
        for (Provider provider : options.providers()) {
            _03_AsyncTools.timingTable(provider, _03_AsyncTools.DEFAULT_LOOKUP);
        }
        return 0;
    }
}
