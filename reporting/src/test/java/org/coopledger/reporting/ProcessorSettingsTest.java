package org.coopledger.reporting;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The processor's settings are refused at start-up when they could not work, naming the setting. */
class ProcessorSettingsTest {

    private static void configure(int batchSize, int segments, int workerThreads) {
        configure(batchSize, segments, workerThreads, PacedEventSource.POLL);
    }

    private static void configure(int batchSize, int segments, int workerThreads, Duration pollInterval) {
        new ProcessorConfiguration().reportingProcessors(null, null, null, null, null, batchSize, segments, false,
                workerThreads, pollInterval);
    }

    @Test
    void positiveSettingsAreAccepted() {
        assertThatNoException().isThrownBy(() -> configure(1, 1, 1));
    }

    @Test
    void aBatchOfNoEventsIsRefused() {
        assertThatThrownBy(() -> configure(0, 4, 4)).hasMessage("ledger.projections.batch-size must be positive");
    }

    @Test
    void noSegmentsAreRefused() {
        assertThatThrownBy(() -> configure(100, 0, 4)).hasMessage("ledger.projections.segments must be positive");
    }

    @Test
    void noWorkerThreadsAreRefused() {
        assertThatThrownBy(() -> configure(100, 4, 0))
                .hasMessage("ledger.projections.worker-threads must be positive");
    }

    @Test
    void aPollIntervalOfNothingIsRefused() {
        assertThatThrownBy(() -> configure(100, 4, 4, Duration.ZERO))
                .hasMessage("ledger.projections.poll-interval must be positive");
    }
}
