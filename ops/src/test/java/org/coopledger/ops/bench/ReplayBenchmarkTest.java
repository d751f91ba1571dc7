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
    void aSmallReplayRebuildsEveryEventWithoutErrorsAndReportsItsIndexBuildCpuAndStatements() {
        ReplayReport report = ReplayBenchmark.run(3_000, 10, 2, true, List.of("ledger.db.embedded-statement-statistics=true"),
                new PrintStream(OutputStream.nullOutputStream()));

        assertThat(report.errors()).isEmpty();
        assertThat(report.eventsReplayed()).isGreaterThanOrEqualTo(3_000);
        assertThat(report.seconds()).isPositive();
        assertThat(report.indexSeconds()).isBetween(0.0, report.seconds());
        assertThat(report.database().cpu().jvmSeconds()).isPositive();
        assertThat(report.database().cpu().databaseKnown()).as("the embedded server runs on this machine").isTrue();
        assertThat(report.database().cpu().databaseSeconds()).isPositive();
        assertThat(report.baseline().cpu().jvmSeconds()).isPositive();
        assertThat(report.baseline().cpu().databaseKnown()).isTrue();
        assertThat(report.database().statementsKnown()).as(report.database().statements()).isTrue();
        assertThat(report.database().operations()).isEqualTo(report.eventsReplayed());
        assertThat(report.database().top()).anyMatch(s -> s.text().startsWith("INSERT INTO journal_line"));
        assertThat(ReplayTable.render(report))
                .contains("database work in the measured window, per event")
                .contains("CPU during the rebuild: JVM ")
                .contains("events replayed: ")
                .contains("of which building the indexes the rebuild had parked: ")
                .contains("baseline CPU per event / replay CPU per event: ");
    }
}
