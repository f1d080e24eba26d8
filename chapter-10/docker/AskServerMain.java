import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import dev.langchain4j.model.mistralai.MistralAiStreamingChatModel;
import io.github.asynccookbook.recipes.AskServer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The entry point of the local/ask-server image: chapter 09's AskServer recipe on 0.0.0.0:8080, its Gemini and
 * Mistral models pointed at GEMINI_BASE_URL and MISTRAL_BASE_URL (in the end-to-end test, the simulator's container
 * on the same Docker network). Compiled by build-images.sh against the recipes module's runtime classpath.
 */
public final class AskServerMain {

    public static void main(String[] args) throws InterruptedException {
        String key = System.getenv().getOrDefault("LLM_API_KEY", "simulated-key");
        Map<String, StreamingChatModel> models = new LinkedHashMap<>();
        // The recipes' classpath holds two HTTP clients (the JDK's and the project's Reactor Netty one): name one.
        models.put("gemini", GoogleAiGeminiStreamingChatModel.builder().httpClientBuilder(JdkHttpClient.builder())
                .baseUrl(System.getenv("GEMINI_BASE_URL"))
                .apiKey(key).modelName("gemini-2.5-flash").build());
        models.put("mistral", MistralAiStreamingChatModel.builder().httpClientBuilder(JdkHttpClient.builder())
                .baseUrl(System.getenv("MISTRAL_BASE_URL"))
                .apiKey(key).modelName("mistral-small-latest").build());
        AskServer server = AskServer.start(new AskServer.Llm(models, AskServer.Settings.defaults()), "0.0.0.0", 8080);
        System.out.println("AskServer listening on 0.0.0.0:" + server.port());
        Thread.currentThread().join();
    }
}
