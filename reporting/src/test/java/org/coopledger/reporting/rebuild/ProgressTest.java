package org.coopledger.reporting.rebuild;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTest {

    @Test
    void theRateIsTheAverageSinceTheStartAndTheEtaTheEventsLeftAtThatRate() {
        assertThat(Progress.of(1_000, 250, 5_000)).isEqualTo(new Progress(50L, 15L));
        assertThat(Progress.of(1_000_000, 999_000, 100_000)).isEqualTo(new Progress(9_990L, 0L));
    }

    @Test
    void nothingDoneYetMeansNoRateAndNoEta() {
        assertThat(Progress.of(1_000, 0, 5_000)).isEqualTo(new Progress(null, null));
    }

    @Test
    void aRateBelowOneEventPerSecondHasNoEta() {
        assertThat(Progress.of(1_000, 1, 5_000)).isEqualTo(new Progress(0L, null));
    }

    @Test
    void aFinishedReplayHasNothingLeft() {
        assertThat(Progress.of(40, 40, 0)).isEqualTo(new Progress(40_000L, 0L));
    }
}
