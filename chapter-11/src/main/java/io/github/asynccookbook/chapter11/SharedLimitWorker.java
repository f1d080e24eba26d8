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
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * One of the demo's worker processes: an ordinary service instance that calls Gemini under a rate limit. Started by
 * {@link WorkerFleet} in a JVM of its own; it talks to the parent in lines starting with {@code @} on stdout
 * ({@code @member}, {@code @ready}, one {@code @ok} or {@code @429} per call, {@code @done}) and waits for a
 * {@code go} line on stdin, so that every worker starts sending at the same moment; one JVM serves several rounds.
 */
public final class SharedLimitWorker {

    /** Not the demo's model: its limit is counted apart. */
    static final String WARM_UP_MODEL = "gemini-2.5-flash-lite";

    private SharedLimitWorker() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String key = options.get("key");
        long limit = Long.parseLong(options.get("limit"));
        Duration window = Duration.ofMillis(Long.parseLong(options.get("window-ms")));
        int id = Integer.parseInt(options.get("id"));
        ChatModel model = GoogleAiGeminiChatModel.builder()
                .baseUrl(options.get("base-url")).apiKey(key).modelName(options.get("model"))
                .maxRetries(0)   // a 429 stays one refused request: the simulator counts it, nobody hides it
                .timeout(Duration.ofSeconds(60))
                .build();
        List<ChatRequest> requests = IntStream.rangeClosed(1, Integer.parseInt(options.get("requests")))
                .mapToObj(n -> ChatRequest.builder()
                        .messages(UserMessage.from("Worker %d, question %d: one fact about rate limits."
                                .formatted(id, n)))
                        .build())
                .toList();

        HazelcastInstance member = options.containsKey("hazelcast")
                ? SharedBuckets.loopbackMember(options.get("hazelcast")) : null;
        say("member");
        if (member != null) {
            awaitMembers(member, Integer.parseInt(options.get("members")));
        }
        RedisClient redis = options.containsKey("redis") ? RedisClient.create(options.get("redis")) : null;
        warmUp(options, key);
        say("ready");

        // One round per "go STORE BUCKET" line; the end of stdin ends the worker. It stays a Hazelcast member until
        // then: leaving moves this member's partitions while others still take tokens from them.
        var stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = stdin.readLine()) != null; ) {
            String[] go = line.split(" ");
            if (go.length == 3 && go[0].equals("go")) {
                Bucket bucket = switch (LimitStore.valueOf(go[1])) {
                    case OWN -> _21_PerJvmLimits.ownLimit(limit, window);   // built now: refills count from here
                    case HAZELCAST -> SharedBuckets.keyLimit(Objects.requireNonNull(member, "no --hazelcast cluster"),
                            go[2], limit, window);
                    case REDIS -> SharedBuckets.keyLimit(Objects.requireNonNull(redis, "no --redis URL"), go[2],
                            limit, window);
                };
                _22_SharedBucket.callsUnderLimit(bucket, model, requests).doOnNext(SharedLimitWorker::say).blockLast();
                say("done");
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
