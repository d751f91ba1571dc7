package org.coopledger.reporting.journal;

import org.axonframework.eventhandling.GenericEventMessage;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.savings.api.AccountId;
import org.coopledger.reporting.History;
import org.coopledger.reporting.ReportingDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.coopledger.reporting.SampleEvents.DAY_1;
import static org.coopledger.reporting.SampleEvents.DAY_2;
import static org.coopledger.reporting.SampleEvents.DAY_3;
import static org.coopledger.reporting.SampleEvents.deposit;
import static org.coopledger.reporting.SampleEvents.jod;
import static org.coopledger.reporting.SampleEvents.opened;
import static org.coopledger.reporting.SampleEvents.received;
import static org.coopledger.reporting.SampleEvents.registered;
import static org.coopledger.reporting.SampleEvents.sent;
import static org.coopledger.reporting.SampleEvents.sharesPurchased;
import static org.coopledger.reporting.SampleEvents.sharesRedeemed;
import static org.coopledger.reporting.SampleEvents.usd;
import static org.coopledger.reporting.SampleEvents.withdrawal;

class TrialBalanceTest {

    private static final MemberId AMINA = new MemberId("member-1");
    private static final MemberId OMAR = new MemberId("member-2");
    private static final AccountId A = new AccountId("account-a");
    private static final AccountId B = new AccountId("account-b");
    private static final AccountId C = new AccountId("account-c");

    private static ReportingDatabase db;
    private static JournalProjection projection;
    private static JdbcJournalQueries queries;

    @BeforeAll
    static void startDatabase() {
        db = ReportingDatabase.start();
        projection = new JournalProjection(db.jdbc(), db.transactions());
        queries = new JdbcJournalQueries(db.jdbc());
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        db.close();
    }

    @BeforeEach
    void emptyJournal() {
        History.reset(projection);
    }

    /**
     * USD: shares, a deposit, a withdrawal, a transfer A to B and a redemption; JOD: a deposit, a
     * withdrawal and shares. Non-money events are in the stream too: the journal ignores them.
     */
    private static History ledger() {
        return new History()
                .append("Member", AMINA.value(), registered(AMINA, "M-000001"))
                .append("Member", AMINA.value(), sharesPurchased(AMINA, "s1", 3, usd("10.00"), 3, DAY_1))
                .append("SavingsAccount", A.value(), opened(A, AMINA, usd("0.00")))
                .append("SavingsAccount", B.value(), opened(B, AMINA, usd("0.00")))
                .append("SavingsAccount", C.value(), opened(C, OMAR, jod("0.000")))
                .append("SavingsAccount", A.value(), deposit(A, "d1", usd("100.00"), usd("100.00"), DAY_1))
                .append("SavingsAccount", C.value(), deposit(C, "d2", jod("50.125"), jod("50.125"), DAY_1))
                .append("SavingsAccount", A.value(), withdrawal(A, "w1", usd("30.00"), usd("70.00"), DAY_2))
                .append("SavingsAccount", A.value(), sent(A, B, "t1", usd("20.00"), usd("50.00"), DAY_2))
                .append("SavingsAccount", B.value(), received(B, A, "t1", usd("20.00"), usd("20.00"), DAY_2))
                .append("Member", OMAR.value(), registered(OMAR, "M-000002"))
                .append("Member", OMAR.value(), sharesPurchased(OMAR, "s2", 2, jod("5.000"), 2, DAY_2))
                .append("SavingsAccount", C.value(), withdrawal(C, "w2", jod("0.125"), jod("50.000"), DAY_3))
                .append("Member", AMINA.value(), sharesRedeemed(AMINA, "s3", 1, usd("10.00"), 2, DAY_3));
    }

    @Test
    void trialBalanceSumsEveryGlAccountPerCurrencyAndNetsToZeroInEachCurrency() {
        ledger().deliverTo(projection);

        TrialBalance all = queries.trialBalance(null);

        assertThat(all.asOf()).isNull();
        assertThat(all.lines())
                .extracting(TrialBalanceLine::accountCode, l -> l.balance().getCurrencyUnit().getCode(),
                        TrialBalanceLine::debits, TrialBalanceLine::credits, TrialBalanceLine::balance)
                .containsExactly(
                        tuple("1000", "JOD", jod("60.125"), jod("0.125"), jod("60.000")),
                        tuple("1000", "USD", usd("130.00"), usd("40.00"), usd("90.00")),
                        tuple("2000", "JOD", jod("0.125"), jod("50.125"), jod("-50.000")),
                        tuple("2000", "USD", usd("50.00"), usd("120.00"), usd("-70.00")),
                        tuple("2090", "USD", usd("20.00"), usd("20.00"), usd("0.00")),
                        tuple("3000", "JOD", jod("0.000"), jod("10.000"), jod("-10.000")),
                        tuple("3000", "USD", usd("10.00"), usd("30.00"), usd("-20.00")));
        assertThat(all.lines().get(0).accountName()).isEqualTo("Cash on hand");
        assertThat(all.netByCurrency()).containsExactly(Map.entry("JOD", "0.000"), Map.entry("USD", "0.00"));
        assertThat(all.balanced()).isTrue();
    }

    @Test
    void trialBalanceAsOfADateCountsOnlyLinesBookedOnOrBeforeIt() {
        ledger().deliverTo(projection);

        TrialBalance firstDay = queries.trialBalance(DAY_1);
        TrialBalance secondDay = queries.trialBalance(DAY_2);

        assertThat(firstDay.asOf()).isEqualTo(DAY_1);
        assertThat(firstDay.lines())
                .extracting(TrialBalanceLine::accountCode, TrialBalanceLine::balance)
                .containsExactly(
                        tuple("1000", jod("50.125")),
                        tuple("1000", usd("130.00")),
                        tuple("2000", jod("-50.125")),
                        tuple("2000", usd("-100.00")),
                        tuple("3000", usd("-30.00")));
        assertThat(firstDay.balanced()).isTrue();
        assertThat(secondDay.lines())
                .extracting(TrialBalanceLine::accountCode, TrialBalanceLine::balance)
                .contains(tuple("2090", usd("0.00")), tuple("3000", jod("-10.000")), tuple("1000", usd("100.00")));
        assertThat(secondDay.balanced()).isTrue();
        assertThat(queries.trialBalance(DAY_1.minusDays(1)).lines()).isEmpty();
        assertThat(queries.trialBalance(DAY_1.minusDays(1)).balanced()).isTrue();
    }

    @Test
    void replayingTheSameEventsTwiceChangesNothing() {
        History ledger = ledger();
        ledger.deliverTo(projection);
        List<Map<String, Object>> before = db.jdbc().queryForList("SELECT * FROM journal_line ORDER BY event_id, line_no");

        ledger.deliverTo(projection);

        assertThat(db.jdbc().queryForList("SELECT * FROM journal_line ORDER BY event_id, line_no")).isEqualTo(before);
        assertThat(before).hasSize(2 * 9);
        assertThat(queries.trialBalance(null).netByCurrency()).containsEntry("USD", "0.00");
    }

    @Test
    void everyLineRecordsItsEventTransactionAndGlobalIndex() {
        History ledger = ledger();
        ledger.deliverTo(projection);
        var deposit = ledger.messages().get(5);

        List<Map<String, Object>> lines = db.jdbc().queryForList(
                "SELECT * FROM journal_line WHERE event_id = ? ORDER BY line_no", deposit.getIdentifier());

        assertThat(lines).extracting(l -> l.get("line_no"), l -> l.get("gl_code"), l -> l.get("side"))
                .containsExactly(tuple(1, "1000", "DEBIT"), tuple(2, "2000", "CREDIT"));
        assertThat(lines).allSatisfy(l -> {
            assertThat(l.get("transaction_id")).isEqualTo("d1");
            assertThat(l.get("event_type")).isEqualTo("DepositRecorded");
            assertThat(l.get("global_index")).isEqualTo(6L);
            assertThat(l.get("currency")).isEqualTo("USD");
        });
        assertThat(db.jdbc().queryForObject("SELECT count(*) FROM journal_line WHERE transaction_id = 't1'", Long.class))
                .as("both legs of the transfer").isEqualTo(4L);
    }

    @Test
    void anUntrackedEventIsPostedWithoutAGlobalIndex() {
        History.deliver(projection, List.of(GenericEventMessage.asEventMessage(
                deposit(A, "d9", usd("1.00"), usd("1.00"), DAY_1))));

        assertThat(db.jdbc().queryForList("SELECT global_index FROM journal_line", Long.class))
                .containsExactly(null, null);
    }

    @Test
    void aJournalThatDoesNotNetToZeroIsReportedUnbalanced() {
        ledger().deliverTo(projection);
        db.jdbc().update("""
                INSERT INTO journal_line (event_id, line_no, transaction_id, event_type, gl_code, side, amount,
                    currency, booking_date) VALUES ('stray', 1, 'x', 'Tampered', '1000', 'DEBIT', 0.01, 'USD', ?)""",
                DAY_1);

        TrialBalance trialBalance = queries.trialBalance(null);

        assertThat(trialBalance.balanced()).isFalse();
        assertThat(trialBalance.netByCurrency()).containsEntry("USD", "0.01").containsEntry("JOD", "0.000");
    }

    @Test
    void resetEmptiesTheJournal() {
        ledger().deliverTo(projection);

        History.reset(projection);

        assertThat(db.count("journal_line")).isZero();
        assertThat(queries.trialBalance(null).lines()).isEmpty();
    }
}
