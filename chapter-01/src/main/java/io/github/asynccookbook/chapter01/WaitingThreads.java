package io.github.asynccookbook.chapter01;

import dev.langchain4j.model.chat.listener.ChatModelErrorContext;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Sees which threads waited for the answers. LangChain4j calls a listener's {@code onResponse}/{@code onError} on
 * the thread that was blocked in {@code chat()} (a blocking model) or that read the HTTP stream (a streaming
 * model): the thread each call really held.
 */
final class WaitingThreads implements ChatModelListener {

    /** The threads seen, virtual ones counted apart and platform ones by pool (their name without the number). */
    record Census(int virtual, Map<String, Long> platformByPool) {

        long platform() {
            return platformByPool.values().stream().mapToLong(Long::longValue).sum();
        }

        /** E.g. {@code 10 virtual} or {@code 10 ForkJoinPool.commonPool-worker}. */
        String describe() {
            var parts = new TreeMap<String, Long>(platformByPool);
            var text = parts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                    .collect(Collectors.joining(", "));
            if (virtual == 0) {
                return text.isEmpty() ? "none" : text;
            }
            return text.isEmpty() ? virtual + " virtual" : virtual + " virtual, " + text;
        }
    }

    private final Set<Thread> seen = ConcurrentHashMap.newKeySet();

    @Override
    public void onResponse(ChatModelResponseContext context) {
        seen.add(Thread.currentThread());
    }

    @Override
    public void onError(ChatModelErrorContext context) {
        seen.add(Thread.currentThread());
    }

    /** The threads seen since the last census. */
    synchronized Census takeCensus() {
        Set<Thread> threads = Set.copyOf(seen);
        seen.removeAll(threads);
        int virtual = (int) threads.stream().filter(Thread::isVirtual).count();
        Map<String, Long> platform = threads.stream().filter(thread -> !thread.isVirtual())
                .collect(Collectors.groupingBy(thread -> thread.getName().replaceFirst("-?\\d+$", ""),
                        Collectors.counting()));
        return new Census(virtual, platform);
    }
}
