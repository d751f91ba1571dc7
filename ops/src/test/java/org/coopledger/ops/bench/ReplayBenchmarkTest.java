package org.coopledger.ops.bench;

import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ledgerctl bench --scenario replay} end to end on a small history: an in-process ledger,
 * the seed, the rebuild with its parked indexes. Only that it works and reports consistently: the
 * figures of a few seconds on a shared test machine mean nothing.
 */
class ReplayBenchmarkTest {

    @Test
    void aSmallReplayRebuildsEveryEventWithoutErrorsAndReportsTheIndexBuildWithinItsTime() {
        ReplayReport report = ReplayBenchmark.run(3_000, 10, 2, false, List.of(),
                new PrintStream(OutputStream.nullOutputStream()));

        assertThat(report.errors()).isEmpty();
        assertThat(report.eventsReplayed()).isGreaterThanOrEqualTo(3_000);
        assertThat(report.seconds()).isPositive();
        assertThat(report.indexSeconds()).isBetween(0.0, report.seconds());
        assertThat(ReplayTable.render(report))
                .contains("events replayed: ")
                .contains("of which building the indexes the rebuild had parked: ")
                .contains("baseline: not run");
    }
}
