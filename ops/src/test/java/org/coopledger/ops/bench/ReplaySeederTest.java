package org.coopledger.ops.bench;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.coopledger.api.LedgerApplication;
import org.coopledger.api.testsupport.IntegrationTest;
import org.coopledger.reporting.verify.Reconciliation;
import org.coopledger.reporting.verify.VerificationReport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replay benchmark's history is appended behind the command handlers' back, so it must be
 * exactly what they would have produced: the projections take it and {@code ledgerctl verify}'s
 * independent replay (balances after, journal, statements) finds nothing wrong with it.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReplaySeederTest extends IntegrationTest {

    /** The application's own, as POST /api/v1/audit/verifications runs it. */
    @Autowired
    Reconciliation reconciliation;
    @Autowired
    EventStorageEngine storage;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Clock clock;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void seededMovementsAreAcceptedByTheProjectionsAndVerifyClean() {
        LedgerHttp admin = LedgerHttp.connect(URI.create("http://127.0.0.1:" + port)).as("admin", ADMIN_PASSWORD);
        List<String> accounts = Seeder.seed(admin, 5, 2).accountIds();
        Long before = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);

        long appended = new ReplaySeeder(storage, transactions, clock, 7L).seed(accounts, 2_000, done -> { });

        assertThat(appended).isBetween(2_000L, 2_001L);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class)).isEqualTo(before + appended);
        assertThat(jdbc.queryForList("SELECT DISTINCT payload_type FROM domain_event_entry WHERE aggregate_identifier = ANY (?)",
                String.class, (Object) accounts.toArray(String[]::new)))
                .as("every kind of movement is in the mix")
                .anySatisfy(type -> assertThat(type).endsWith("WithdrawalRecorded"))
                .anySatisfy(type -> assertThat(type).endsWith("TransferSent"))
                .anySatisfy(type -> assertThat(type).endsWith("TransferReceived"));
        VerificationReport report = reconciliation.run();
        assertThat(report.differences()).isEmpty();
        assertThat(report.eventsChecked()).isGreaterThanOrEqualTo(appended);
        assertThat(report.trialBalanceByCurrency()).containsEntry("USD", "0.00");
    }
}
