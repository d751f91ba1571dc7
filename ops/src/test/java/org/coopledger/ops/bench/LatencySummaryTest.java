package org.coopledger.ops.bench;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatencySummaryTest {

    @Test
    void percentilesOfOneToAHundredMillisecondsComeOutInMilliseconds() {
        Histogram micros = LatencySummary.newMicrosHistogram();
        for (int ms = 1; ms <= 100; ms++) {
            micros.recordValue(ms * 1_000L);
        }
        LatencySummary summary = LatencySummary.ofMicros(micros);
        assertThat(summary.count()).isEqualTo(100);
        assertThat(summary.p50()).isCloseTo(50.0, within(0.1));
        assertThat(summary.p95()).isCloseTo(95.0, within(0.1));
        assertThat(summary.p99()).isCloseTo(99.0, within(0.1));
        assertThat(summary.max()).isCloseTo(100.0, within(0.1));
        assertThat(summary.mean()).isCloseTo(50.5, within(0.1));
    }

    @Test
    void anEmptyHistogramIsAllZeros() {
        assertThat(LatencySummary.ofMicros(LatencySummary.newMicrosHistogram()))
                .isEqualTo(new LatencySummary(0, 0, 0, 0, 0, 0));
    }
}
