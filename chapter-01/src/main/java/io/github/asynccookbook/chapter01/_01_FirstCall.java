package io.github.asynccookbook.chapter01;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.github.asynccookbook.report.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** LangChain's {@code invoke}: one blocking call per provider, with its answer, token usage and latency. */
@Command(name = "_01_FirstCall", mixinStandardHelpOptions = true,
        description = "One blocking call to each provider: answer, token usage and latency.")
public final class _01_FirstCall implements Callable<Integer> {

    static final String QUESTION = "Why do some birds migrate?";
    private static final int PREVIEW_LINES = 3;
    private static final int PREVIEW_WIDTH = 96;

    @Mixin
    ProviderChoice providers;

    public static void main(String[] args) {
        System.exit(Cli.execute(new _01_FirstCall(), args));
    }

    @Override
    public Integer call() {
        System.out.println();
        for (var provider : providers.providers()) {
            print(provider.displayName(), ask(provider.chatModel()), System.out);
        }
        return 0;
    }

    // tag::firstCall[]
    static Timed<ChatResponse> ask(ChatModel model) {
        return Timed.run(() -> model.chat(UserMessage.from(QUESTION))); // blocks until the whole answer is in
    }
    // end::firstCall[]

    static void print(String providerName, Timed<ChatResponse> call, PrintStream out) {
        ChatResponse response = call.value();
        out.printf("%s (%s) answered in %s, %s%n", providerName, response.modelName(),
                Durations.seconds(call.elapsed()), tokens(response.tokenUsage()));
        preview(response.aiMessage().text()).forEach(line -> out.println("  | " + line));
    }

    private static String tokens(TokenUsage usage) {
        return usage == null ? "no token usage reported"
                : "tokens: %d in + %d out = %d".formatted(usage.inputTokenCount(), usage.outputTokenCount(),
                usage.totalTokenCount());
    }

    /** The answer's first few lines, wrapped, with a count of what was left out. */
    static List<String> preview(String text) {
        List<String> lines = wrap(text);
        if (lines.size() <= PREVIEW_LINES) {
            return lines;
        }
        var shown = new ArrayList<>(lines.subList(0, PREVIEW_LINES));
        shown.add("... (%d more lines)".formatted(lines.size() - PREVIEW_LINES));
        return shown;
    }

    private static List<String> wrap(String text) {
        var lines = new ArrayList<String>();
        for (String paragraph : text.strip().split("\\R")) {
            var line = new StringBuilder();
            for (String word : paragraph.strip().split("\\s+")) {
                if (!line.isEmpty() && line.length() + 1 + word.length() > PREVIEW_WIDTH) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.append(line.isEmpty() ? "" : " ").append(word);
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
            }
        }
        return lines;
    }
}
