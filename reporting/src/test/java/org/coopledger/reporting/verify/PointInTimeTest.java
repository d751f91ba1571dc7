package org.coopledger.reporting.verify;

import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.savings.api.AccountId;
import org.coopledger.core.savings.api.HoldPlaced;
import org.coopledger.reporting.ReportingDatabase;
import org.coopledger.reporting.journal.TrialBalanceLine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coopledger.reporting.SampleEvents.DAY_1;
import static org.coopledger.reporting.SampleEvents.DAY_2;
import static org.coopledger.reporting.SampleEvents.DAY_3;
import static org.coopledger.reporting.SampleEvents.deposit;
import static org.coopledger.reporting.SampleEvents.jod;
import static org.coopledger.reporting.SampleEvents.opened;
import static org.coopledger.reporting.SampleEvents.usd;
import static org.coopledger.reporting.SampleEvents.withdrawal;

/** Balances and trial balances at a date or a global index, folded from the stored events alone. */
class PointInTimeTest {

    private static final AccountId ACCOUNT = new AccountId("acc-pit-1");
    private static final AccountId OTHER = new AccountId("acc-pit-2");
    private static final MemberId MEMBER = new MemberId("mem-pit-1");
    /** Day 2 at 23:30 UTC is already day 3 in Amman (UTC+3). */
    private static final Instant LATE_ON_DAY_2 = DAY_2.atTime(23, 30).toInstant(ZoneOffset.UTC);

    private static ReportingDatabase db;
    private StoredHistory store;
    private long afterDay1;

    @BeforeEach
    void history() {
        // One database per class; every test starts from an empty store, global indexes from 1 again.
        db.jdbc().execute("TRUNCATE domain_event_entry RESTART IDENTITY");
        store = new StoredHistory(db.jdbc())
                .append(ACCOUNT.value(), opened(ACCOUNT, MEMBER, jod("0")))
                .append(OTHER.value(), opened(OTHER, MEMBER, usd("0")))
                .append(ACCOUNT.value(), deposit(ACCOUNT, "t1", jod("100.000"), jod("100.000"), DAY_1))
                .append(OTHER.value(), deposit(OTHER, "t2", usd("7.00"), usd("7.00"), DAY_1));
        afterDay1 = store.lastGlobalIndex();
        store.append(ACCOUNT.value(), withdrawal(ACCOUNT, "t3", jod("30.500"), jod("69.500"), DAY_2))
                .append(ACCOUNT.value(), new HoldPlaced(ACCOUNT, "h1", jod("20.000"), jod("20.000"), "guarantee"),
                        LATE_ON_DAY_2)
                .append(ACCOUNT.value(), deposit(ACCOUNT, "t4", jod("1.000"), jod("70.500"), DAY_3));
    }

    @BeforeAll
    static void start() {
        db = ReportingDatabase.start();
    }

    @AfterAll
    static void stop() throws IOException {
        db.close();
    }

    @Test
    void aBalanceAsOfADateCountsTheMovementsBookedUpToIt() {
        PointInTime utc = new PointInTime(db.dataSource(), ZoneOffset.UTC);

        assertThat(utc.savingsAccount(ACCOUNT, Point.asOf(DAY_1.minusDays(1))).orElseThrow().status()).isEqualTo("NOT_OPEN");
        assertThat(utc.savingsAccount(ACCOUNT, Point.asOf(DAY_1)).orElseThrow().balance()).isEqualTo(jod("100.000"));
        AccountAtPoint day2 = utc.savingsAccount(ACCOUNT, Point.asOf(DAY_2)).orElseThrow();
        assertThat(day2.balance()).isEqualTo(jod("69.500"));
        assertThat(day2.movements()).isEqualTo(2);
        assertThat(day2.differences()).isEmpty();
        assertThat(utc.savingsAccount(ACCOUNT, Point.asOf(DAY_3)).orElseThrow().balance()).isEqualTo(jod("70.500"));
    }

    @Test
    void aHoldCountsFromTheDayItWasRecordedInTheLedgersTimeZone() {
        PointInTime utc = new PointInTime(db.dataSource(), ZoneOffset.UTC);
        PointInTime amman = new PointInTime(db.dataSource(), ZoneId.of("Asia/Amman"));

        assertThat(utc.savingsAccount(ACCOUNT, Point.asOf(DAY_2)).orElseThrow().held()).isEqualTo(jod("20.000"));
        assertThat(amman.savingsAccount(ACCOUNT, Point.asOf(DAY_2)).orElseThrow().held()).isEqualTo(jod("0.000"));
        assertThat(amman.savingsAccount(ACCOUNT, Point.asOf(DAY_3)).orElseThrow().held()).isEqualTo(jod("20.000"));
    }

    @Test
    void aBalanceAtAGlobalIndexFoldsOnlyThatAccountsEventsUpToIt() {
        PointInTime pointInTime = new PointInTime(db.dataSource(), ZoneOffset.UTC);

        AccountAtPoint atDay1 = pointInTime.savingsAccount(ACCOUNT, Point.atIndex(afterDay1)).orElseThrow();

        assertThat(atDay1.balance()).isEqualTo(jod("100.000"));
        assertThat(atDay1.eventsFolded()).isEqualTo(2);
        assertThat(atDay1.lastGlobalIndex()).isEqualTo(3);
        assertThat(pointInTime.savingsAccount(OTHER, Point.atIndex(afterDay1)).orElseThrow().balance()).isEqualTo(usd("7.00"));
        assertThat(pointInTime.savingsAccount(new AccountId(MEMBER.value()), Point.atIndex(99))).isEmpty();
    }

    @Test
    void theTrialBalanceAtADateOrIndexFoldsTheJournalEntriesUpToIt() {
        PointInTime pointInTime = new PointInTime(db.dataSource(), ZoneOffset.UTC);

        TrialBalanceAtPoint day1 = pointInTime.trialBalance(Point.asOf(DAY_1));
        TrialBalanceAtPoint day2 = pointInTime.trialBalance(Point.asOf(DAY_2));
        TrialBalanceAtPoint atDay1 = pointInTime.trialBalance(Point.atIndex(afterDay1));

        assertThat(balances(day1)).containsEntry("1000 JOD", "100.000").containsEntry("2000 JOD", "-100.000")
                .containsEntry("1000 USD", "7.00");
        assertThat(balances(day2)).containsEntry("1000 JOD", "69.500");
        assertThat(balances(atDay1)).isEqualTo(balances(day1));
        assertThat(day2.trialBalance().balanced()).isTrue();
        assertThat(day2.journalEntries()).isEqualTo(3);
        assertThat(day2.lastGlobalIndex()).isEqualTo(5);
        assertThat(day2.headGlobalIndex()).isEqualTo(7);
    }

    @Test
    void anEventThatNoLongerReadsIsReportedNotFolded() {
        store.appendRaw(ACCOUNT.value(), deposit(ACCOUNT, "t5", jod("1.000"), jod("71.500"), DAY_3).getClass().getName(),
                "{\"amount\":".getBytes(), Instant.now(), null);
        PointInTime pointInTime = new PointInTime(db.dataSource(), ZoneOffset.UTC);

        TrialBalanceAtPoint all = pointInTime.trialBalance(Point.asOf(DAY_3));

        assertThat(all.differences()).singleElement().asString().startsWith("event 8 (").contains("cannot be read");
        assertThat(balances(all)).containsEntry("1000 JOD", "70.500");
    }

    private static Map<String, String> balances(TrialBalanceAtPoint at) {
        Map<String, String> balances = new TreeMap<>();
        for (TrialBalanceLine line : at.trialBalance().lines()) {
            balances.put(line.accountCode() + " " + line.balance().getCurrencyUnit().getCode(),
                    line.balance().getAmount().toPlainString());
        }
        return balances;
    }
}
