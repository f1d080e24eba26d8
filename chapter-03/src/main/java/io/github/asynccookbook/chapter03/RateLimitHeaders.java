package io.github.asynccookbook.chapter03;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.mistralai.MistralAiChatResponseMetadata;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The {@code x-ratelimit-*} headers of an answer, from the one place LangChain4j 1.18 keeps them: the raw HTTP
 * response of a Mistral unary answer. Gemini sends no such headers, Mistral's streaming answers do not keep the raw
 * response, and a 429's headers are dropped with it ({@code JdkHttpClient} throws {@code HttpException(status, body)}),
 * so they tell you how much budget is left after a success, never how long to wait after a refusal.
 */
public final class RateLimitHeaders {

    private static final String PREFIX = "x-ratelimit-";

    private RateLimitHeaders() {
    }

    /** Header name (lower case) → value, sorted by name; empty when the answer carries none. */
    // tag::headers[]
    public static SortedMap<String, String> of(ChatResponse answer) {
        var headers = new TreeMap<String, String>();
        if (answer.metadata() instanceof MistralAiChatResponseMetadata mistral && mistral.rawHttpResponse() != null) {
            for (Map.Entry<String, List<String>> header : mistral.rawHttpResponse().headers().entrySet()) {
                String name = header.getKey().toLowerCase(Locale.ROOT);
                if (name.startsWith(PREFIX)) {
                    headers.put(name, String.join(",", header.getValue()));
                }
            }
        }
        return headers;
    }
    // end::headers[]
}
