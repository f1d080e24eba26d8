package io.github.asynccookbook.chapter10;

import dev.langchain4j.model.chat.ChatModel;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No thread leak: the threads a batch starts are gone once it is done. Comparing total counts is flaky (the JDK's
 * HTTP client and the JIT start and stop threads of their own), so the tests compare what can leak: the platform
 * threads that keep a JVM alive, and the HTTP clients' selector threads, one per model built.
 */
class ThreadLeakTest {

    @RegisterExtension
    static SimulatorExtension sim = new SimulatorExtension();

    // tag::thread-leak[]
    /** Platform threads that keep the JVM from exiting: a pool nobody closed leaves them behind. */
    static Set<Thread> nonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.isDaemon()).collect(Collectors.toSet());
    }

    /** One per {@code java.net.http.HttpClient}: LangChain4j's JDK client builds one per model. */
    static long httpSelectorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().endsWith("SelectorManager")).count();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void aBatchLeavesNoThreadBehind(String name) throws Exception {
        ChatModel model = ProviderSet.forSimulator(sim.simulator()).get(name).chatModel();   // built once, shared
        model.chat("warm up");   // the model's HTTP client and its selector thread start here
        Set<Thread> before = nonDaemonThreads();
        long selectorsBefore = httpSelectorThreads();

        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {   // close() waits, then stops the threads
            List<Future<String>> answers = pool.invokeAll(IntStream.range(0, 12)
                    .mapToObj(i -> (java.util.concurrent.Callable<String>) () -> model.chat("Question " + i)).toList());
            for (Future<String> answer : answers) {
                assertThat(answer.get()).isNotBlank();
            }
        }

        // A stopped thread may still be finishing: wait until it is gone, do not sleep (polling on this thread:
        // Awaitility's own poller is a platform thread too).
        await().pollInSameThread().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(nonDaemonThreads()).isSubsetOf(before));
        assertThat(httpSelectorThreads()).as("no HTTP client per call").isEqualTo(selectorsBefore);
        assertThat(sim.simulator().stats().requests()).hasSize(13);
    }
    // end::thread-leak[]

    /** The check can fail: a pool left open is caught, and named. */
    @Test
    void aPoolLeftOpenIsCaught() throws Exception {
        Set<Thread> before = nonDaemonThreads();
        ExecutorService leaked = Executors.newFixedThreadPool(2);
        try {
            leaked.submit(() -> "started").get();

            assertThat(nonDaemonThreads()).isNotEqualTo(before)
                    .filteredOn(t -> !before.contains(t)).extracting(Thread::getName).allMatch(n -> n.startsWith("pool-"));
        } finally {
            leaked.shutdownNow();
            assertThat(leaked.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
