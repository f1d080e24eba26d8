package io.github.asynccookbook.chapter05;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SpreadTest {

    @Test
    void meanSampleStandardDeviationAndNearestRankPercentiles() {
        Spread spread = Spread.of(List.of(4.0, 2.0, 6.0, 8.0));

        assertThat(spread.mean()).isEqualTo(5.0);
        assertThat(spread.standardDeviation()).isCloseTo(Math.sqrt(20.0 / 3), within(1e-9));
        assertThat(spread.p50()).isEqualTo(4.0);
        assertThat(spread.p95()).isEqualTo(8.0);
        assertThat(spread.min()).isEqualTo(2.0);
        assertThat(spread.max()).isEqualTo(8.0);
    }

    @Test
    void oneIterationHasNoSpread() {
        assertThat(Spread.of(List.of(1.5)).standardDeviation()).isZero();
    }
}
