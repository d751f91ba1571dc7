package org.coopledger.ops.verify;

import org.coopledger.api.LedgerApplication;
import org.coopledger.api.testsupport.IntegrationTest;
import org.coopledger.api.testsupport.LedgerClient;
import org.coopledger.ops.cli.Ledgerctl;
import org.coopledger.reporting.verify.Reconciliation;
import org.coopledger.reporting.verify.VerificationReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ledgerctl verify} replays the event store on its own and must find every way in which
 * the projections drift from it — and nothing on a sound ledger.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReconciliationTest extends IntegrationTest {

    /** The application's own, as POST /api/v1/audit/verifications runs it. */
    @Autowired
    Reconciliation reconciliation;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Environment environment;

    private String first;
    private String second;

    @BeforeEach
    void someActivity() {
        LedgerClient teller = LedgerClient.admin(port).newUser("TELLER");
        first = fundedAccount(teller, "300.00");
        second = fundedAccount(teller, "50.00");
        teller.post("/api/v1/transfers", Map.of("fromAccountId", first, "toAccountId", second,
                "amount", usd("25.50")), LedgerClient.newKey()).hasStatus(201);
        teller.post("/api/v1/savings-accounts/" + first + "/withdrawals", Map.of("amount", usd("10.00")),
                LedgerClient.newKey()).hasStatus(201);
        teller.post("/api/v1/savings-accounts/" + second + "/holds",
                Map.of("holdId", "guarantee-1", "amount", usd("20.00"), "reason", "guarantee")).hasStatus(201);
    }

    @Test
    void aSoundLedgerVerifiesClean() {
        VerificationReport report = reconciliation.run();
        assertThat(report.differences()).isEmpty();
        assertThat(report.eventsChecked()).isGreaterThanOrEqualTo(9);
        assertThat(report.trialBalanceByCurrency()).containsEntry("USD", "0.00");
    }

    @Test
    void aTamperedProjectionBalanceIsReported() {
        assertThat(reconciliation.run().differences()).isEmpty();
        try (var saved = rows("savings_account_projection", "account_id = ?", first)) {
            jdbc.update("UPDATE savings_account_projection SET balance = balance + 1 WHERE account_id = ?", first);
            VerificationReport report = reconciliation.run();
            assertThat(report.differences())
                    .anySatisfy(d -> assertThat(d).contains("account " + first).contains("projection balance"));
        }
    }

    @Test
    void aStatementLineMissingFromTheProjectionIsReported() {
        assertThat(reconciliation.run().differences()).isEmpty();
        try (var saved = rows("savings_statement_line", "account_id = ? AND type = 'TRANSFER_IN'", second)) {
            jdbc.update("DELETE FROM savings_statement_line WHERE account_id = ? AND type = 'TRANSFER_IN'", second);
            VerificationReport report = reconciliation.run();
            assertThat(report.differences()).anySatisfy(d -> assertThat(d).contains("account " + second)
                    .contains("statement has 1 lines, events have 2 movements"));
        }
    }

    @Test
    void aLostJournalEntryIsReported() {
        assertThat(reconciliation.run().differences()).isEmpty();
        String eventId = jdbc.queryForObject("SELECT min(event_id) FROM journal_line", String.class);
        try (var saved = rows("journal_line", "event_id = ?", eventId)) {
            jdbc.update("DELETE FROM journal_line WHERE event_id = ?", eventId);
            VerificationReport report = reconciliation.run();
            assertThat(report.differences()).anySatisfy(d -> assertThat(d).startsWith("journal projection"));
        }
    }

    @Test
    void ledgerctlVerifyExitsZeroOnASoundLedgerAndOneOnADifference() {
        String[] database = {"verify", "--db-url", environment.getProperty("ledger.db.url"),
                "--db-user", environment.getProperty("ledger.db.username"),
                "--db-password", environment.getProperty("ledger.db.password")};
        assertThat(new CommandLine(new Ledgerctl()).execute(database)).isZero();
        try (var saved = rows("savings_account_projection", "account_id = ?", second)) {
            jdbc.update("UPDATE savings_account_projection SET held = 0 WHERE account_id = ?", second);
            assertThat(new CommandLine(new Ledgerctl()).execute(database)).isEqualTo(1);
        }
    }

    /** The rows a test is about to damage, put back as they were when the test is done. */
    private SavedRows rows(String table, String where, Object... args) {
        return new SavedRows(jdbc, table, where, args, jdbc.queryForList("SELECT * FROM " + table + " WHERE " + where, args));
    }

    private record SavedRows(JdbcTemplate jdbc, String table, String where, Object[] args,
                             java.util.List<Map<String, Object>> rows) implements AutoCloseable {
        @Override
        public void close() {
            jdbc.update("DELETE FROM " + table + " WHERE " + where, args);
            for (Map<String, Object> row : rows) {
                String columns = String.join(", ", row.keySet());
                String marks = String.join(", ", java.util.Collections.nCopies(row.size(), "?"));
                jdbc.update("INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ")", row.values().toArray());
            }
        }
    }

    private String fundedAccount(LedgerClient teller, String amount) {
        String memberId = teller.post("/api/v1/members", Map.of("legalName", "Verify Member", "dateOfBirth",
                "1992-02-02", "gender", "MALE", "phone", "+2547000000", "countryOfOrigin", "ER",
                "address", "Nairobi", "segment", "MIGRANT_WORKER", "document", Map.of("type", "NONE_YET"),
                "branch", "NBO")).hasStatus(201).text("memberId");
        String accountId = teller.post("/api/v1/savings-accounts", Map.of("memberId", memberId, "currency", "USD"))
                .hasStatus(201).text("accountId");
        teller.post("/api/v1/savings-accounts/" + accountId + "/deposits", Map.of("amount", usd(amount)),
                LedgerClient.newKey()).hasStatus(201);
        return accountId;
    }

    private static Map<String, String> usd(String amount) {
        return Map.of("amount", amount, "currency", "USD");
    }
}
