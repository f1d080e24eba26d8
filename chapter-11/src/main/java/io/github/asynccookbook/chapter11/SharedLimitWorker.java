package io.github.asynccookbook.chapter11;

import com.hazelcast.core.HazelcastInstance;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import io.github.bucket4j.Bucket;
import io.lettuce.core.RedisClient;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * One of the demo's worker processes: an ordinary service instance that calls Gemini under a rate limit. Started by
 * {@link WorkerFleet} in a JVM of its own; it talks to the parent in lines starting with {@code @} on stdout
 * ({@code @member}, {@code @ready}, one {@code @ok} or {@code @429} per call, {@code @done}) and waits for
 * {@code go} on stdin, so that every worker starts sending at the same moment.
 */
public final class SharedLimitWorker {

    /** Not the demo's model: its limit is counted apart. */
    static final String WARM_UP_MODEL = "gemini-2.5-flash-lite";

    private SharedLimitWorker() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        LimitStore store = LimitStore.valueOf(options.get("store").toUpperCase(Locale.ROOT));
        String key = options.get("key");
        long limit = Long.parseLong(options.get("limit"));
        Duration window = Duration.ofMillis(Long.parseLong(options.get("window-ms")));
        int id = Integer.parseInt(options.get("id"));
        ChatModel model = GoogleAiGeminiChatModel.builder()
                .baseUrl(options.get("base-url")).apiKey(key).modelName(options.get("model"))
                .maxRetries(0)   // a 429 stays one refused request: the simulator counts it, nobody hides it
                .timeout(Duration.ofSeconds(60))
                .build();

        HazelcastInstance member = null;
        RedisClient redis = null;
        Supplier<Bucket> bucket;   // taken at "go": a local bucket's refills count from the moment it is built
        switch (store) {
            case OWN -> {
                say("member");
                bucket = () -> _21_PerJvmLimits.ownLimit(limit, window);
            }
            case HAZELCAST -> {
                HazelcastInstance joined = SharedBuckets.loopbackMember(options.get("target"));
                member = joined;
                say("member");
                awaitMembers(joined, Integer.parseInt(options.get("members")));
                bucket = () -> SharedBuckets.keyLimit(joined, options.get("bucket"), limit, window);
            }
            case REDIS -> {
                say("member");
                RedisClient client = RedisClient.create(options.get("target"));
                redis = client;
                bucket = () -> SharedBuckets.keyLimit(client, options.get("bucket"), limit, window);
            }
            default -> throw new IllegalStateException("unknown store " + store);
        }
        warmUp(options, key);
        say("ready");

        var stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if ("go".equals(stdin.readLine())) {
            List<ChatRequest> requests = IntStream.rangeClosed(1, Integer.parseInt(options.get("requests")))
                    .mapToObj(n -> ChatRequest.builder()
                            .messages(UserMessage.from("Worker %d, question %d: one fact about rate limits."
                                    .formatted(id, n)))
                            .build())
                    .toList();
            _22_SharedBucket.callsUnderLimit(bucket.get(), model, requests).doOnNext(SharedLimitWorker::say).blockLast();
            say("done");
            // Stay a member until the parent says stop: leaving moves this member's partitions while others still
            // take tokens from them.
            while (stdin.readLine() != null) {
                Thread.onSpinWait();
            }
        }
        if (member != null) {
            member.shutdown();
        }
        if (redis != null) {
            redis.shutdown();
        }
        System.exit(0);
    }

    /**
     * One call to another model before the clock starts: a fresh JVM's first call loads classes and opens the
     * connection, which takes longer than the headroom when a minute is shrunk to seconds. Gemini counts limits per
     * model, so this call takes nothing from the demo's model.
     */
    private static void warmUp(Map<String, String> options, String key) {
        GoogleAiGeminiChatModel.builder()
                .baseUrl(options.get("base-url")).apiKey(key).modelName(WARM_UP_MODEL).maxRetries(0)
                .timeout(Duration.ofSeconds(60)).build()
                .chat(ChatRequest.builder().messages(UserMessage.from("warm-up")).build());
    }

    private static void awaitMembers(HazelcastInstance member, int members) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (member.getCluster().getMembers().size() < members) {
            if (System.nanoTime() > deadline) {
                say("error only " + member.getCluster().getMembers().size() + " of " + members
                        + " Hazelcast members found each other");
                System.exit(1);
            }
            Thread.sleep(50);
        }
    }

    static void say(String line) {
        System.out.println("@" + line);
        System.out.flush();
    }

    private static Map<String, String> options(String[] args) {
        var options = new HashMap<String, String>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            options.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        return options;
    }
}
