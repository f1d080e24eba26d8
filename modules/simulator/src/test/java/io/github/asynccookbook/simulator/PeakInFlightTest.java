package io.github.asynccookbook.simulator;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PeakInFlightTest {

    private static RequestRecord request(double arrival, Double completion) {
        return new RequestRecord(1, Protocol.GEMINI, "gemini-2.5-flash", false, arrival, arrival, null, completion, 200, 5,
                100, 100, null, null, null, false);
    }

    @Test
    void requestsOneAfterAnotherNeverOverlap() {
        assertThat(SimulatorStats.peakInFlight(List.of(request(0, 10.0), request(10, 20.0), request(20, 30.0)))).isEqualTo(1);
    }

    @Test
    void overlappingRequestsCountTogether() {
        assertThat(SimulatorStats.peakInFlight(List.of(request(0, 10.0), request(5, 20.0), request(6, 7.0), request(15, 30.0))))
                .isEqualTo(3);
    }

    @Test
    void aRequestStillRunningCountsUntilTheEnd() {
        assertThat(SimulatorStats.peakInFlight(List.of(request(0, null), request(50, 60.0)))).isEqualTo(2);
    }

    @Test
    void noRequestsMeansNoneInFlight() {
        assertThat(SimulatorStats.peakInFlight(List.of())).isZero();
    }
}
