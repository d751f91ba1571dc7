package org.coopledger.ops.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReplayRatesTest {

    @Test
    void aStallShowsInTheLowPercentileWhileTheMedianKeepsTheUsualPace() {
        ReplayRates rates = new ReplayRates();
        long done = 0;
        for (int tick = 0; tick <= 40; tick++) {
            rates.sample(tick * 0.5, done);
            done += 500;
        }
        for (int tick = 41; tick <= 50; tick++) {
            rates.sample(tick * 0.5, done);
        }

        ReplayReport.Rates figures = rates.figures();

        assertThat(figures.windows()).isEqualTo(5);
        assertThat(figures.p5EventsPerSecond()).isCloseTo(100, within(1.0));
        assertThat(figures.p50EventsPerSecond()).isCloseTo(1000, within(1.0));
        assertThat(figures.p95EventsPerSecond()).isCloseTo(1000, within(1.0));
    }

    @Test
    void aRebuildShorterThanOneWindowHasNoWindowRates() {
        ReplayRates rates = new ReplayRates();
        rates.sample(0.5, 100);
        rates.sample(1.0, 200);

        assertThat(rates.figures().windows()).isZero();
    }
}
