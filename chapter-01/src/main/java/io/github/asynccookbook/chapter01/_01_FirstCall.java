package io.github.asynccookbook.chapter01;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import dev.langchain4j.model.mistralai.MistralAiChatModel;
import dev.langchain4j.model.mistralai.MistralAiStreamingChatModel;
import dev.langchain4j.model.output.TokenUsage;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.harness.ProviderOptions;
import io.github.asynccookbook.harness.Timed;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.recipes.AsyncChat;
import io.github.asynccookbook.report.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The models built by hand, from the Gemini and Mistral builders, then LangChain's {@code invoke}: one blocking call
 * per provider with its answer, token usage and latency, and the same question through the streaming model.
 */
@Command(name = "_01_FirstCall", mixinStandardHelpOptions = true,
        description = "Builds each provider's models by hand, then one blocking and one streaming call each.")
public final class _01_FirstCall implements Callable<Integer> {

    static final String QUESTION = "Why do some birds migrate?";

    // tag::gemini[]
    static ChatModel geminiChatModel(String baseUrl, String apiKey, String modelName) {
        return GoogleAiGeminiChatModel.builder()
                .baseUrl(baseUrl) // https://generativelanguage.googleapis.com/v1beta, or the simulator's
                .apiKey(apiKey) // sent as the x-goog-api-key header
                .modelName(modelName) // e.g. gemini-2.5-flash
                .timeout(Duration.ofSeconds(60)) // to connect, and until the response headers arrive
                .maxRetries(2) // 429, 5xx and timeouts: three attempts in all, 0.5 s and 0.75 s apart
                .build();
    }

    static StreamingChatModel geminiStreamingChatModel(String baseUrl, String apiKey, String modelName) {
        return GoogleAiGeminiStreamingChatModel.builder()
                .baseUrl(baseUrl)
                .apiKey(apiKey)
                .modelName(modelName)
                .timeout(Duration.ofSeconds(60)) // until the headers: a stream that stalls later never times out
                .build(); // no maxRetries: LangChain4j never retries a stream
    }
    // end::gemini[]

    // tag::mistral[]
    static ChatModel mistralChatModel(String baseUrl, String apiKey, String modelName) {
        return MistralAiChatModel.builder()
                .baseUrl(baseUrl) // https://api.mistral.ai/v1, or the simulator's
                .apiKey(apiKey) // sent as Authorization: Bearer ...
                .modelName(modelName) // e.g. mistral-small-latest
                .timeout(Duration.ofSeconds(60))
                .maxRetries(2)
                .build();
    }

    static StreamingChatModel mistralStreamingChatModel(String baseUrl, String apiKey, String modelName) {
        return MistralAiStreamingChatModel.builder()
                .baseUrl(baseUrl)
                .apiKey(apiKey)
                .modelName(modelName)
                .timeout(Duration.ofSeconds(60))
                .build();
    }
    // end::mistral[]

    // tag::firstCall[]
    static ChatResponse ask(ChatModel model, String question) {
        return model.chat(UserMessage.from(question)); // blocks until the whole answer is in
    }

    static ChatResponse askStreaming(StreamingChatModel model, String question) {
        return AsyncChat.chatAsync(model, question).join(); // the streaming callbacks as a future: section 3
    }
    // end::firstCall[]

    private static final int PREVIEW_LINES = 3;
    private static final int PREVIEW_WIDTH = 96;

    @Mixin
    ProviderOptions providers;

    public static void main(String[] args) {
        ChapterCli.exit(new _01_FirstCall(), args);
    }

    @Override
    public Integer call() {
        System.out.println();
        providers.providers().forEach(provider -> firstCalls(provider, System.out));
        return 0;
    }

    /**
     * Builds the provider's two models with the builders above, fed with what {@code modules/providers} resolved
     * (the simulator's base URL and any key it accepts when there is no key), and asks each the question once.
     */
    static void firstCalls(Provider provider, PrintStream out) {
        String baseUrl = provider.baseUrl();
        String apiKey = provider.apiKey().value();
        String modelName = provider.modelName();
        ChatModel chat = switch (provider.protocol()) {
            case GEMINI -> geminiChatModel(baseUrl, apiKey, modelName);
            case MISTRAL -> mistralChatModel(baseUrl, apiKey, modelName);
        };
        StreamingChatModel streaming = switch (provider.protocol()) {
            case GEMINI -> geminiStreamingChatModel(baseUrl, apiKey, modelName);
            case MISTRAL -> mistralStreamingChatModel(baseUrl, apiKey, modelName);
        };
        print(provider.displayName(), "answered", Timed.run(() -> ask(chat, QUESTION)), out);
        print(provider.displayName(), "streamed", Timed.run(() -> askStreaming(streaming, QUESTION)), out);
    }

    static void print(String providerName, String how, Timed<ChatResponse> call, PrintStream out) {
        ChatResponse response = call.value();
        out.printf("%s (%s) %s in %s, %s%n", providerName, response.modelName(), how,
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
