package org.coopledger.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.coopledger.api.testsupport.IntegrationTest;
import org.coopledger.api.testsupport.LedgerClient;
import org.coopledger.api.testsupport.MutableClock;
import org.coopledger.api.walkthrough.Cooperative;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coopledger.api.testsupport.LedgerClient.newKey;
import static org.coopledger.api.walkthrough.Cooperative.money;

/**
 * What auditors compute from the event store alone: balances and the trial balance at any
 * date or global index, and the verification that replays the history against the projections
 * (the same code as {@code ledgerctl verify}). Postings are booked on several business dates by
 * moving the ledger's clock, so this class has its own context and database.
 */
@Import(MutableClock.Configuration.class)
@TestPropertySource(properties = "ledger.db.pool-size=10")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AuditReplayTest extends IntegrationTest {

    private static final LocalDate DAY_1 = LocalDate.parse("2026-03-02");
    private static final LocalDate DAY_2 = LocalDate.parse("2026-03-05");
    private static final LocalDate DAY_3 = LocalDate.parse("2026-03-09");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    private Cooperative coop;
    private LedgerClient teller;
    private LedgerClient auditor;
    private String account;
    private String other;
    /** Last global index after the postings of day 1, 2 and 3. */
    private long afterDay1;
    private long afterDay2;
    private long afterDay3;

    /**
     * Day 1: account opened, 100.000 deposited. Day 2: 20.250 withdrawn, 10.000 transferred in,
     * 30.000 held. Day 3: 5.500 deposited. Balances 100.000, 89.750, 95.250.
     */
    @BeforeEach
    void postingsOnThreeDates() {
        coop = new Cooperative(port, jdbc);
        teller = coop.newStaff("TELLER");
        auditor = coop.newStaff("AUDITOR");
        clock.set(DAY_1);
        String member = coop.registerMember(teller);
        account = coop.fundedAccount(teller, member, "100.000", "JOD");
        other = coop.fundedAccount(teller, member, "50.000", "JOD");
        afterDay1 = lastGlobalIndex();
        clock.set(DAY_2);
        coop.withdraw(teller, account, "20.250", "JOD").hasStatus(201);
        teller.post("/api/v1/transfers", Map.of("fromAccountId", other, "toAccountId", account,
                "amount", money("10.000", "JOD")), newKey()).hasStatus(201);
        teller.post("/api/v1/savings-accounts/" + account + "/holds",
                Map.of("holdId", "guarantee-" + Cooperative.shortId(), "amount", money("30.000", "JOD"),
                        "reason", "loan guarantee")).hasStatus(201);
        afterDay2 = lastGlobalIndex();
        clock.set(DAY_3);
        coop.deposit(teller, account, "5.500", "JOD").hasStatus(201);
        afterDay3 = lastGlobalIndex();
        Cooperative.awaitBalance(teller, account, "95.250");
        Cooperative.awaitBalance(teller, other, "40.000");
    }

    @Test
    void theBalanceAsOfEachDateEqualsTheStatementsRunningBalanceAtThatDate() {
        List<LocalDate> dates = List.of(DAY_1.minusDays(1), DAY_1, DAY_1.plusDays(1), DAY_2, DAY_3, DAY_3.plusYears(1));
        for (LocalDate date : dates) {
            JsonNode fromEvents = auditor.get("/api/v1/audit/balances/" + account + "?asOf=" + date).hasStatus(200).json();

            assertThat(fromEvents.path("balance").path("amount").asText()).as("balance at the end of %s", date)
                    .isEqualTo(statementBalanceAt(date));
            assertThat(fromEvents.path("balance").path("currency").asText()).isEqualTo("JOD");
            assertThat(fromEvents.path("asOf").asText()).isEqualTo(date.toString());
            assertThat(fromEvents.path("computedFrom").asText()).isEqualTo("events");
            assertThat(fromEvents.path("differences")).isEmpty();
        }
        assertThat(statementBalanceAt(DAY_2)).isEqualTo("89.750");
        assertThat(auditor.get("/api/v1/audit/balances/" + account + "?asOf=" + DAY_1.minusDays(1)).text("status"))
                .isEqualTo("NOT_OPEN");
    }

    @Test
    void theBalanceAndHoldsAtAGlobalIndexAreThoseAfterTheEventsUpToIt() {
        JsonNode day1 = auditor.get("/api/v1/audit/balances/" + account + "?atIndex=" + afterDay1).hasStatus(200).json();
        JsonNode day2 = auditor.get("/api/v1/audit/balances/" + account + "?atIndex=" + afterDay2).hasStatus(200).json();
        JsonNode day3 = auditor.get("/api/v1/audit/balances/" + account + "?atIndex=" + afterDay3).hasStatus(200).json();

        assertThat(amount(day1, "balance")).isEqualTo("100.000");
        assertThat(amount(day1, "held")).isEqualTo("0.000");
        assertThat(amount(day2, "balance")).isEqualTo("89.750");
        assertThat(amount(day2, "held")).isEqualTo("30.000");
        assertThat(amount(day3, "balance")).isEqualTo("95.250");
        assertThat(day3.path("movements").asLong()).isEqualTo(4);
        assertThat(day2.path("atIndex").asLong()).isEqualTo(afterDay2);
        assertThat(day2.path("asOf").isMissingNode() || day2.path("asOf").isNull()).isTrue();
        assertThat(day2.path("lastGlobalIndex").asLong()).isLessThanOrEqualTo(afterDay2).isGreaterThan(afterDay1);
        assertThat(day3.path("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void theTrialBalanceFromEventsEqualsTheProjectionsAtEachDateAndNetsToZero() {
        LedgerClient manager = coop.newStaff("MANAGER");
        for (LocalDate date : List.of(DAY_1.minusDays(1), DAY_1, DAY_2, DAY_3)) {
            JsonNode fromEvents = manager.get("/api/v1/audit/trial-balance?asOf=" + date).hasStatus(200).json();

            // The journal projection catches up asynchronously; the events are the reference.
            Cooperative.awaitRead(manager, "/api/v1/reports/trial-balance?asOf=" + date,
                    projected -> lines(projected).equals(lines(fromEvents)));
            assertThat(fromEvents.path("balanced").asBoolean()).isTrue();
            fromEvents.path("netByCurrency").fields().forEachRemaining(net ->
                    assertThat(new BigDecimal(net.getValue().asText())).as(net.getKey()).isZero());
            assertThat(fromEvents.path("asOf").asText()).isEqualTo(date.toString());
        }
        assertThat(lines(manager.get("/api/v1/audit/trial-balance?asOf=" + DAY_3).json())).containsKey("2000 JOD");
    }

    @Test
    void theTrialBalanceAtAGlobalIndexFoldsTheEntriesUpToIt() {
        JsonNode atDay1 = auditor.get("/api/v1/audit/trial-balance?atIndex=" + afterDay1).hasStatus(200).json();
        JsonNode atDay3 = auditor.get("/api/v1/audit/trial-balance?atIndex=" + afterDay3).hasStatus(200).json();

        // Between the two: -20.250 withdrawn, +5.500 deposited in cash; the transfer stays within 2000.
        BigDecimal cashMoved = new BigDecimal(lines(atDay3).get("1000 JOD")).subtract(new BigDecimal(lines(atDay1).get("1000 JOD")));
        assertThat(cashMoved).isEqualByComparingTo("-14.750");
        assertThat(atDay3.path("balanced").asBoolean()).isTrue();
        assertThat(atDay3.path("atIndex").asLong()).isEqualTo(afterDay3);
        assertThat(atDay3.path("lastGlobalIndex").asLong()).isLessThanOrEqualTo(afterDay3);
        assertThat(atDay1.path("lastGlobalIndex").asLong()).isLessThanOrEqualTo(afterDay1);
        assertThat(atDay3.path("journalEntries").asLong()).isGreaterThan(atDay1.path("journalEntries").asLong());
        assertThat(auditor.get("/api/v1/audit/trial-balance?atIndex=0").json().path("lines")).isEmpty();
    }

    @Test
    void aPointIsADateOrAGlobalIndexExactlyOneOfTheTwo() {
        String balances = "/api/v1/audit/balances/" + account;
        auditor.get(balances).isProblem(400, "VALIDATION_FAILED");
        auditor.get(balances + "?asOf=" + DAY_1 + "&atIndex=3").isProblem(400, "VALIDATION_FAILED");
        auditor.get(balances + "?atIndex=-1").isProblem(400, "VALIDATION_FAILED");
        auditor.get(balances + "?atIndex=abc").isProblem(400, "VALIDATION_FAILED");
        auditor.get(balances + "?atIndex=99999999999999999999").isProblem(400, "VALIDATION_FAILED");
        auditor.get(balances + "?asOf=2026-13-01").isProblem(400, "VALIDATION_FAILED");
        auditor.get("/api/v1/audit/trial-balance").isProblem(400, "VALIDATION_FAILED");
        auditor.get("/api/v1/audit/trial-balance?asOf=" + DAY_1 + "&atIndex=3").isProblem(400, "VALIDATION_FAILED");
        auditor.get("/api/v1/audit/trial-balance?atIndex=").isProblem(400, "VALIDATION_FAILED");
        auditor.get("/api/v1/audit/balances/no-such-account?asOf=" + DAY_1).isProblem(404, "ACCOUNT_NOT_FOUND");
    }

    @Test
    void onlyAuditorsReadReplayedBalancesAndVerifyTellersAndMembersAreRefused() {
        String memberId = coop.registerMember(teller);
        String own = coop.fundedAccount(teller, memberId, "1.000", "JOD");
        LedgerClient member = coop.newMemberUser(memberId);
        LedgerClient manager = coop.newStaff("MANAGER");
        for (LedgerClient refused : List.of(teller, member)) {
            refused.get("/api/v1/audit/balances/" + own + "?atIndex=" + afterDay3).isProblem(403, "FORBIDDEN");
            refused.get("/api/v1/audit/trial-balance?asOf=" + DAY_3).isProblem(403, "FORBIDDEN");
            refused.post("/api/v1/audit/verifications", Map.of()).isProblem(403, "FORBIDDEN");
        }
        manager.get("/api/v1/audit/balances/" + own + "?atIndex=" + afterDay3).isProblem(403, "FORBIDDEN");
        manager.post("/api/v1/audit/verifications", Map.of()).isProblem(403, "FORBIDDEN");
        manager.get("/api/v1/audit/trial-balance?asOf=" + DAY_3).hasStatus(200);
    }

    @Test
    void aSoundLedgerVerifiesCleanWithCountsAndDuration() {
        JsonNode report = auditor.post("/api/v1/audit/verifications", Map.of()).hasStatus(200).json();

        assertThat(report.path("status").asText()).as("%s", report).isEqualTo("CLEAN");
        assertThat(report.path("differences")).isEmpty();
        JsonNode replay = report.path("reconciliation");
        assertThat(replay.path("eventsChecked").asLong()).isGreaterThanOrEqualTo(afterDay3 - 1);
        assertThat(replay.path("accountsChecked").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(replay.path("journalEntries").asLong()).isGreaterThanOrEqualTo(6);
        assertThat(replay.path("trialBalanceByCurrency").path("JOD").asText()).isEqualTo("0.000");
        assertThat(replay.has("durationMillis")).isTrue();
        assertThat(report.path("chain").path("status").asText()).isEqualTo("CLEAN");
        assertThat(report.has("durationMillis")).isTrue();
    }

    @Test
    void aDeletedAccountRowIsReportedNamingTheAccount() {
        try (var saved = rows("savings_account_projection", "account_id = ?", account)) {
            jdbc.update("DELETE FROM savings_account_projection WHERE account_id = ?", account);

            JsonNode report = auditor.post("/api/v1/audit/verifications", Map.of()).hasStatus(200).json();

            assertThat(report.path("status").asText()).isEqualTo("DIFFERENCES");
            assertThat(texts(report.path("differences")))
                    .contains("account " + account + " is missing from the savings projection");
            assertThat(report.path("differencesFound").asLong()).isEqualTo(1);
        }
        assertThat(auditor.post("/api/v1/audit/verifications", Map.of()).json().path("status").asText()).isEqualTo("CLEAN");
    }

    /** A processor that skipped a movement leaves its statement line missing, even after later events set the balance right. */
    @Test
    void aMovementSkippedByTheProjectionIsReportedNamingTheAccount() {
        try (var saved = rows("savings_statement_line", "account_id = ? AND type = 'WITHDRAWAL'", account)) {
            jdbc.update("DELETE FROM savings_statement_line WHERE account_id = ? AND type = 'WITHDRAWAL'", account);

            JsonNode report = auditor.post("/api/v1/audit/verifications", Map.of()).hasStatus(200).json();

            assertThat(report.path("status").asText()).isEqualTo("DIFFERENCES");
            assertThat(texts(report.path("differences"))).contains(
                    "account " + account + ": statement has 3 lines, events have 4 movements");
        }
    }

    @Test
    void aJournalLineRemovedFromTheProjectionIsReported() {
        String eventId = jdbc.queryForObject("""
                SELECT event_id FROM journal_line WHERE event_type = 'WithdrawalRecorded'
                ORDER BY global_index DESC LIMIT 1""", String.class);
        try (var saved = rows("journal_line", "event_id = ? AND line_no = 1", eventId)) {
            jdbc.update("DELETE FROM journal_line WHERE event_id = ? AND line_no = 1", eventId);

            JsonNode report = auditor.post("/api/v1/audit/verifications", Map.of()).hasStatus(200).json();

            assertThat(report.path("status").asText()).isEqualTo("DIFFERENCES");
            assertThat(texts(report.path("differences"))).anySatisfy(d -> assertThat(d)
                    .startsWith("journal projection ").contains(" JOD: ").contains("events say"));
            // The event is still there by its other line: what shows is the amount, not the count.
            assertThat(report.path("reconciliation").path("differencesFound").asLong()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void aVerificationDuringPostingsReportsNoFalseDifferences() throws Exception {
        AtomicBoolean posting = new AtomicBoolean(true);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> postings = executor.submit(() -> {
                int count = 0;
                while (posting.get()) {
                    coop.deposit(teller, account, "1.000", "JOD").hasStatus(201);
                    teller.post("/api/v1/transfers", Map.of("fromAccountId", account, "toAccountId", other,
                            "amount", money("0.500", "JOD")), newKey()).hasStatus(201);
                    count++;
                }
                return count;
            });
            List<JsonNode> reports = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                reports.add(auditor.post("/api/v1/audit/verifications", Map.of()).hasStatus(200).json());
            }
            posting.set(false);
            assertThat(postings.get()).isPositive();
            for (JsonNode report : reports) {
                assertThat(report.path("reconciliation").path("differences")).as("%s", report).isEmpty();
                assertThat(report.path("reconciliation").path("status").asText()).isEqualTo("CLEAN");
            }
        } finally {
            posting.set(false);
            executor.shutdownNow();
        }
    }

    /** The statement's running balance after the last movement booked on or before {@code date}. */
    private String statementBalanceAt(LocalDate date) {
        JsonNode lines = teller.get("/api/v1/savings-accounts/" + account + "/transactions?limit=500&to=" + date)
                .hasStatus(200).json().path("lines");
        return lines.isEmpty() ? "0.000" : lines.get(lines.size() - 1).path("balanceAfter").path("amount").asText();
    }

    /** "code currency" → balance, debits and credits of every line of a trial balance answer. */
    private static Map<String, String> lines(JsonNode trialBalance) {
        Map<String, String> lines = new TreeMap<>();
        for (JsonNode line : trialBalance.path("lines")) {
            String key = line.path("accountCode").asText() + " " + line.path("currency").asText();
            lines.put(key, line.path("balance").path("amount").asText());
            lines.put(key + " debits", line.path("debits").path("amount").asText());
            lines.put(key + " credits", line.path("credits").path("amount").asText());
            lines.put(key + " name", line.path("accountName").asText());
        }
        return lines;
    }

    private static String amount(JsonNode node, String field) {
        return node.path(field).path("amount").asText();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private long lastGlobalIndex() {
        return jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
    }

    /** The rows a test is about to damage, put back as they were when the test is done. */
    private SavedRows rows(String table, String where, Object... args) {
        return new SavedRows(jdbc, table, where, args, jdbc.queryForList("SELECT * FROM " + table + " WHERE " + where, args));
    }

    private record SavedRows(JdbcTemplate jdbc, String table, String where, Object[] args,
                             List<Map<String, Object>> rows) implements AutoCloseable {
        @Override
        public void close() {
            jdbc.update("DELETE FROM " + table + " WHERE " + where, args);
            for (Map<String, Object> row : rows) {
                String marks = String.join(", ", Collections.nCopies(row.size(), "?"));
                jdbc.update("INSERT INTO " + table + " (" + String.join(", ", row.keySet()) + ") VALUES (" + marks + ")",
                        row.values().toArray());
            }
        }
    }
}
