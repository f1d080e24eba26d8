package io.github.asynccookbook.chapter02;

import io.github.asynccookbook.chapter02._05_Scale.Approach;
import io.github.asynccookbook.chapter02._05_Scale.Measurement;
import io.github.asynccookbook.harness.GroundTruth;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.simulator.ModelStats;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Section 5 at a small N, checked against what the simulator saw: every call of every approach ends exactly once,
 * the Reactor Netty transport reads a couple of hundred overlapping streams on a handful of threads, and LangChain4j's
 * stock (JDK) transport needs common-pool threads in proportion to the streams being read.
 * The simulator runs at half real time so that the streams really overlap (the simulator's in-flight peak proves it).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ScaleTest {

    private static final int CALLS = 200;
    /** Overlap the thread assertions need: at least this many streams open at once, per the simulator. */
    private static final int OVERLAP = 50;
    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(config -> config.timeScale(0.5));

    private static Provider mistral() {
        return ProviderSet.forSimulator(sim.simulator()).mistral();
    }

    @ParameterizedTest
    @EnumSource(Approach.class)
    void everyCallEndsExactlyOnceAsTheSimulatorAnsweredIt(Approach approach) {
        Provider provider = mistral();

        Measurement m = _05_Scale.measure(provider, approach, CALLS, Integer.MAX_VALUE, DEADLINE);

        ModelStats stats = GroundTruth.settled(provider).orElseThrow();
        assertThat(m.ended()).isEqualTo(new _05_Scale.Ended(CALLS, 0, 0, 0));
        assertThat(stats.requests()).isEqualTo(CALLS); // each call sent once: no retry, none lost before sending
        assertThat(stats.count(200)).isEqualTo(CALLS);
        assertThat(stats.clientDisconnects()).isZero();
    }

    @Test
    void reactorNettyReadsHundredsOfStreamsOnAHandfulOfThreads() {
        Provider provider = mistral();

        Measurement m = _05_Scale.measure(provider, Approach.reactorNetty, CALLS, Integer.MAX_VALUE, DEADLINE);

        assertThat(m.ended().answers()).isEqualTo(CALLS);
        assertThat(Integer.parseInt(m.maxInFlight())).isGreaterThanOrEqualTo(OVERLAP); // they really overlapped
        assertThat(m.peakThreads() - m.startThreads()).isLessThanOrEqualTo(16);
    }

    @Test
    @Order(1) // first: idle common-pool threads of the class's other streaming runs linger for a minute
    void stockStreamingHoldsACommonPoolThreadPerStreamBeingRead() {
        Provider provider = mistral();

        int poolBefore = ForkJoinPool.commonPool().getPoolSize();
        Measurement m = _05_Scale.measure(provider, Approach.streaming, CALLS, Integer.MAX_VALUE, DEADLINE);

        int reading = peakStreamsBeingWritten(sim.simulator().stats().requests(provider.modelName()));
        assertThat(reading).isGreaterThanOrEqualTo(OVERLAP);
        // Not one for one (a stream whose bytes are all buffered frees its reader early), but growing with them:
        // about 0.6 per stream being written in runs here, where Reactor Netty adds at most 16 threads in all.
        assertThat(m.peakCommonPool() - poolBefore).isGreaterThanOrEqualTo(reading / 4);
    }

    /** The most responses between their first token and their end at one moment: streams a client is reading. */
    private static int peakStreamsBeingWritten(List<RequestRecord> requests) {
        double[] starts = requests.stream().map(RequestRecord::firstTokenMillis).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).sorted().toArray();
        double[] ends = requests.stream().filter(r -> r.firstTokenMillis() != null)
                .map(RequestRecord::completionMillis).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).sorted().toArray();
        int peak = 0;
        int ended = 0;
        for (int started = 0; started < starts.length; started++) {
            while (ended < ends.length && ends[ended] <= starts[started]) {
                ended++;
            }
            peak = Math.max(peak, started + 1 - ended);
        }
        return peak;
    }
}
