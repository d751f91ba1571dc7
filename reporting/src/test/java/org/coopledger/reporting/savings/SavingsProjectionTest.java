package org.coopledger.reporting.savings;

import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.savings.api.AccountId;
import org.coopledger.core.journal.GlAccount;
import org.coopledger.core.journal.JournalEntry;
import org.coopledger.core.savings.api.HoldPlaced;
import org.coopledger.core.savings.api.HoldReduced;
import org.coopledger.core.savings.api.LoanProceedsCredited;
import org.coopledger.core.savings.api.HoldReleased;
import org.coopledger.core.savings.api.SavingsAccountClosed;
import org.coopledger.reporting.History;
import org.coopledger.reporting.ReportingDatabase;
import org.joda.money.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.coopledger.reporting.SampleEvents.DAY_1;
import static org.coopledger.reporting.SampleEvents.DAY_2;
import static org.coopledger.reporting.SampleEvents.DAY_3;
import static org.coopledger.reporting.SampleEvents.deposit;
import static org.coopledger.reporting.SampleEvents.jod;
import static org.coopledger.reporting.SampleEvents.opened;
import static org.coopledger.reporting.SampleEvents.received;
import static org.coopledger.reporting.SampleEvents.sent;
import static org.coopledger.reporting.SampleEvents.tx;
import static org.coopledger.reporting.SampleEvents.usd;
import static org.coopledger.reporting.SampleEvents.withdrawal;

class SavingsProjectionTest {

    private static final MemberId MEMBER = new MemberId("member-1");
    private static final AccountId ACCOUNT = new AccountId("account-1");
    private static final AccountId OTHER = new AccountId("account-2");
    private static final Instant RECORDED = Instant.parse("2026-03-01T08:30:00Z");

    private static ReportingDatabase db;
    private static SavingsAccountProjection projection;
    private static JdbcSavingsQueries queries;

    @BeforeAll
    static void startDatabase() {
        db = ReportingDatabase.start();
        projection = new SavingsAccountProjection(db.jdbc(), db.transactions());
        queries = new JdbcSavingsQueries(db.jdbc());
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        db.close();
    }

    @BeforeEach
    void emptyProjection() {
        projection.reset();
    }

    /** Opened (0), deposit 100 (1), withdrawal 30 (2), transfer out 20 (3), transfer in 5.50 (4). */
    private static void givenAccountWithFourMovements() {
        projection.on(opened(ACCOUNT, MEMBER, usd("10.00")), 0);
        projection.on(deposit(ACCOUNT, "t1", usd("100.00"), usd("100.00"), DAY_1), 1, RECORDED);
        projection.on(withdrawal(ACCOUNT, "t2", usd("30.00"), usd("70.00"), DAY_2), 2, RECORDED);
        projection.on(sent(ACCOUNT, OTHER, "t3", usd("20.00"), usd("50.00"), DAY_2), 3, RECORDED);
        projection.on(received(ACCOUNT, OTHER, "t4", usd("5.50"), usd("55.50"), DAY_3), 4, RECORDED);
    }

    @Test
    void statementShowsEveryMovementWithItsRunningBalanceInEntryOrder() {
        givenAccountWithFourMovements();

        StatementPage page = queries.statement(ACCOUNT, null, null, null, 50);

        assertThat(page.next()).isNull();
        assertThat(page.lines()).extracting(StatementLine::entryNo).containsExactly(1L, 2L, 3L, 4L);
        assertThat(page.lines()).extracting(StatementLine::type)
                .containsExactly("DEPOSIT", "WITHDRAWAL", "TRANSFER_OUT", "TRANSFER_IN");
        assertThat(page.lines()).extracting(StatementLine::direction)
                .containsExactly("CREDIT", "DEBIT", "DEBIT", "CREDIT");
        assertThat(page.lines()).extracting(StatementLine::amount)
                .containsExactly(usd("100.00"), usd("30.00"), usd("20.00"), usd("5.50"));
        assertThat(page.lines()).extracting(StatementLine::balanceAfter)
                .containsExactly(usd("100.00"), usd("70.00"), usd("50.00"), usd("55.50"));
        StatementLine first = page.lines().get(0);
        assertThat(first.transactionId().value()).isEqualTo("t1");
        assertThat(first.bookingDate()).isEqualTo(DAY_1);
        assertThat(first.valueDate()).isEqualTo(DAY_1);
        assertThat(first.reference()).isEqualTo("cash in");
        assertThat(first.recordedAt()).isEqualTo(RECORDED);
        assertThat(page.lines().get(3).valueDate()).as("a transfer takes value on its booking date").isEqualTo(DAY_3);
    }

    @Test
    void statementPagesFollowTheCursorAndTheLastPageHasNoCursor() {
        givenAccountWithFourMovements();

        StatementPage first = queries.statement(ACCOUNT, null, null, null, 3);
        StatementPage second = queries.statement(ACCOUNT, null, null, first.next(), 3);

        assertThat(first.lines()).extracting(StatementLine::entryNo).containsExactly(1L, 2L, 3L);
        assertThat(first.next()).isEqualTo("3");
        assertThat(second.lines()).extracting(StatementLine::entryNo).containsExactly(4L);
        assertThat(second.next()).isNull();
    }

    @Test
    void aPageThatEndsExactlyAtTheLastLineHasNoCursor() {
        givenAccountWithFourMovements();

        StatementPage page = queries.statement(ACCOUNT, null, null, null, 4);

        assertThat(page.lines()).hasSize(4);
        assertThat(page.next()).isNull();
    }

    @Test
    void statementDateRangeIsInclusiveOnBothEnds() {
        givenAccountWithFourMovements();

        assertThat(queries.statement(ACCOUNT, DAY_2, DAY_2, null, 50).lines())
                .extracting(StatementLine::entryNo).containsExactly(2L, 3L);
        assertThat(queries.statement(ACCOUNT, DAY_2, null, null, 50).lines())
                .extracting(StatementLine::entryNo).containsExactly(2L, 3L, 4L);
        assertThat(queries.statement(ACCOUNT, null, DAY_1, null, 50).lines())
                .extracting(StatementLine::entryNo).containsExactly(1L);
    }

    @Test
    void cursorAndDateRangeCombine() {
        givenAccountWithFourMovements();

        StatementPage first = queries.statement(ACCOUNT, DAY_2, DAY_3, null, 1);
        StatementPage rest = queries.statement(ACCOUNT, DAY_2, DAY_3, first.next(), 10);

        assertThat(first.lines()).extracting(StatementLine::entryNo).containsExactly(2L);
        assertThat(rest.lines()).extracting(StatementLine::entryNo).containsExactly(3L, 4L);
        assertThat(rest.next()).isNull();
    }

    @Test
    void malformedCursorsAndLimitsAreRefused() {
        givenAccountWithFourMovements();

        for (String cursor : List.of("", "abc", "-1", "1.5", "99999999999999999999")) {
            assertThatThrownBy(() -> queries.statement(ACCOUNT, null, null, cursor, 10))
                    .isInstanceOfSatisfying(LedgerException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
        }
        for (int limit : new int[]{0, -1, SavingsQueries.MAX_STATEMENT_LINES + 1}) {
            assertThatThrownBy(() -> queries.statement(ACCOUNT, null, null, null, limit))
                    .isInstanceOfSatisfying(LedgerException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
        }
    }

    @Test
    void balanceAsOfIsTheBalanceAfterTheLastMovementBookedOnOrBeforeTheDate() {
        givenAccountWithFourMovements();

        assertThat(queries.balanceAsOf(ACCOUNT, DAY_1.minusDays(1)).map(AccountBalance::balance)).contains(usd("0.00"));
        assertThat(queries.balanceAsOf(ACCOUNT, DAY_1).map(AccountBalance::balance)).contains(usd("100.00"));
        assertThat(queries.balanceAsOf(ACCOUNT, DAY_2).map(AccountBalance::balance)).contains(usd("50.00"));
        assertThat(queries.balanceAsOf(ACCOUNT, DAY_3).map(AccountBalance::balance)).contains(usd("55.50"));
        assertThat(queries.balanceAsOf(ACCOUNT, DAY_3.plusYears(1)).map(AccountBalance::balance)).contains(usd("55.50"));
        assertThat(queries.balanceAsOf(ACCOUNT, DAY_2).map(AccountBalance::owner)).contains(MEMBER);
    }

    @Test
    void balanceAsOfIsZeroInTheAccountCurrencyBeforeAnyMovementAndEmptyForAnUnknownAccount() {
        projection.on(opened(ACCOUNT, MEMBER, jod("0.000")), 0);

        assertThat(queries.balanceAsOf(ACCOUNT, DAY_3).map(AccountBalance::balance)).contains(jod("0.000"));
        assertThat(queries.balanceAsOf(new AccountId("nobody"), DAY_3)).isEmpty();
        assertThat(queries.account(new AccountId("nobody"))).isEmpty();
    }

    @Test
    void accountShowsBalanceMinimumAndAvailable() {
        givenAccountWithFourMovements();

        SavingsAccountView view = queries.account(ACCOUNT).orElseThrow();

        assertThat(view.memberId()).isEqualTo(MEMBER);
        assertThat(view.productCode()).isEqualTo("VOLUNTARY");
        assertThat(view.status()).isEqualTo("OPEN");
        assertThat(view.balance()).isEqualTo(usd("55.50"));
        assertThat(view.minimumBalance()).isEqualTo(usd("10.00"));
        assertThat(view.held()).isEqualTo(usd("0.00"));
        assertThat(view.available()).isEqualTo(usd("45.50"));
        assertThat(view.openedOn()).isEqualTo(DAY_1);
        assertThat(view.closedOn()).isNull();
    }

    @Test
    void holdsAreReflectedInHeldAndAvailable() {
        givenAccountWithFourMovements();

        projection.on(new HoldPlaced(ACCOUNT, "h1", usd("15.00"), usd("15.00"), "guarantee"), 5);
        projection.on(new HoldPlaced(ACCOUNT, "h2", usd("5.00"), usd("20.00"), "guarantee"), 6);
        SavingsAccountView held = queries.account(ACCOUNT).orElseThrow();
        projection.on(new HoldReleased(ACCOUNT, "h1", usd("15.00"), usd("5.00")), 7);
        SavingsAccountView released = queries.account(ACCOUNT).orElseThrow();

        assertThat(held.held()).isEqualTo(usd("20.00"));
        assertThat(held.available()).isEqualTo(usd("25.50"));
        assertThat(released.held()).isEqualTo(usd("5.00"));
        assertThat(released.available()).isEqualTo(usd("40.50"));
    }

    @Test
    void aGuaranteeHoldShrinksWhenReduced() {
        givenAccountWithFourMovements();

        projection.on(new HoldPlaced(ACCOUNT, "loan:l-1", usd("30.00"), usd("30.00"), "guarantee"), 5);
        projection.on(new HoldReduced(ACCOUNT, "loan:l-1", usd("12.00"), usd("18.00"), usd("18.00")), 6);

        assertThat(queries.account(ACCOUNT).orElseThrow().held()).isEqualTo(usd("18.00"));
    }

    @Test
    void loanProceedsPaidIntoSavingsAreAStatementCredit() {
        givenAccountWithFourMovements();
        SavingsAccountView before = queries.account(ACCOUNT).orElseThrow();
        Money proceeds = usd("100.00");
        Money after = before.balance().plus(proceeds);

        projection.on(new LoanProceedsCredited(ACCOUNT, tx("disb-1"), "l-1", proceeds, after, DAY_3,
                JournalEntry.transfer(GlAccount.TRANSFERS_IN_TRANSIT, GlAccount.MEMBER_SAVINGS, proceeds)), 5, RECORDED);

        assertThat(queries.account(ACCOUNT).orElseThrow().balance()).isEqualTo(after);
        StatementLine line = queries.statement(ACCOUNT, null, null, null, 500).lines().get(4);
        assertThat(line.type()).isEqualTo("LOAN_PROCEEDS");
        assertThat(line.direction()).isEqualTo("CREDIT");
        assertThat(line.reference()).isEqualTo("loan l-1");
        assertThat(line.balanceAfter()).isEqualTo(after);
    }

    @Test
    void closedAccountIsClosedOnItsDate() {
        projection.on(opened(ACCOUNT, MEMBER, usd("0.00")), 0);
        projection.on(new SavingsAccountClosed(ACCOUNT, MEMBER, DAY_2), 1);

        SavingsAccountView view = queries.account(ACCOUNT).orElseThrow();

        assertThat(view.status()).isEqualTo("CLOSED");
        assertThat(view.closedOn()).isEqualTo(DAY_2);
    }

    @Test
    void accountsOfListsOnlyThatMembersAccounts() {
        projection.on(opened(ACCOUNT, MEMBER, usd("0.00")), 0);
        projection.on(opened(OTHER, MEMBER, jod("5.000")), 0);
        projection.on(opened(new AccountId("account-3"), new MemberId("member-2"), usd("0.00")), 0);

        assertThat(queries.accountsOf(MEMBER)).extracting(SavingsAccountView::accountId)
                .containsExactlyInAnyOrder(ACCOUNT, OTHER);
        assertThat(queries.accountsOf(new MemberId("member-9"))).isEmpty();
    }

    @Test
    void amountsComeBackWithTheScaleOfTheirCurrency() {
        projection.on(opened(ACCOUNT, MEMBER, jod("1.000")), 0);
        projection.on(deposit(ACCOUNT, "t1", jod("12.5"), jod("12.5"), DAY_1), 1, RECORDED);

        SavingsAccountView view = queries.account(ACCOUNT).orElseThrow();
        StatementLine line = queries.statement(ACCOUNT, null, null, null, 10).lines().get(0);

        assertThat(view.balance().getAmount().toPlainString()).isEqualTo("12.500");
        assertThat(view.available().getAmount().toPlainString()).isEqualTo("11.500");
        assertThat(line.amount().getAmount().toPlainString()).isEqualTo("12.500");
        assertThat(line.balanceAfter().getCurrencyUnit().getCode()).isEqualTo("JOD");
    }

    @Test
    void replayingTheSameEventsTwiceChangesNothing() {
        givenAccountWithFourMovements();
        projection.on(new HoldPlaced(ACCOUNT, "h1", usd("15.00"), usd("15.00"), "guarantee"), 5);
        Map<String, Object> accountBefore = db.jdbc().queryForMap("SELECT * FROM savings_account_projection");
        List<Map<String, Object>> linesBefore =
                db.jdbc().queryForList("SELECT * FROM savings_statement_line ORDER BY entry_no");

        givenAccountWithFourMovements();
        projection.on(new HoldPlaced(ACCOUNT, "h1", usd("15.00"), usd("15.00"), "guarantee"), 5);

        assertThat(db.jdbc().queryForMap("SELECT * FROM savings_account_projection")).isEqualTo(accountBefore);
        assertThat(db.jdbc().queryForList("SELECT * FROM savings_statement_line ORDER BY entry_no"))
                .isEqualTo(linesBefore);
    }

    @Test
    void aRedeliveredOlderEventDoesNotOverwriteANewerState() {
        givenAccountWithFourMovements();
        projection.on(new HoldPlaced(ACCOUNT, "h1", usd("15.00"), usd("15.00"), "guarantee"), 5);

        projection.on(deposit(ACCOUNT, "t1", usd("100.00"), usd("100.00"), DAY_1), 1, RECORDED);
        projection.on(new HoldPlaced(ACCOUNT, "h0", usd("1.00"), usd("1.00"), "stale"), 3);

        SavingsAccountView view = queries.account(ACCOUNT).orElseThrow();
        assertThat(view.balance()).isEqualTo(usd("55.50"));
        assertThat(view.held()).isEqualTo(usd("15.00"));
    }

    @Test
    void resetEmptiesBothTablesSoThatAReplayStartsClean() {
        givenAccountWithFourMovements();

        projection.reset();

        assertThat(db.count("savings_account_projection")).isZero();
        assertThat(db.count("savings_statement_line")).isZero();
        givenAccountWithFourMovements();
        assertThat(queries.account(ACCOUNT).orElseThrow().balance()).isEqualTo(usd("55.50"));
    }

    @Test
    void anUnknownAccountHasAnEmptyStatement() {
        StatementPage page = queries.statement(new AccountId("nobody"), null, null, null, 10);

        assertThat(page.lines()).isEmpty();
        assertThat(page.next()).isNull();
    }

    @Test
    void dateRangeBeforeTheFirstMovementIsEmpty() {
        givenAccountWithFourMovements();

        assertThat(queries.statement(ACCOUNT, null, LocalDate.of(2020, 1, 1), null, 10).lines()).isEmpty();
    }

    @Test
    void throughAxonTheAggregateSequenceNumberBecomesTheEntryNumberAndTheEventTimeTheRecordedTime() {
        new History()
                .append("SavingsAccount", ACCOUNT.value(), opened(ACCOUNT, MEMBER, usd("0.00")))
                .append("SavingsAccount", ACCOUNT.value(), new HoldPlaced(ACCOUNT, "h1", usd("1.00"), usd("1.00"), "x"))
                .append("SavingsAccount", ACCOUNT.value(), deposit(ACCOUNT, "t1", usd("9.00"), usd("9.00"), DAY_1))
                .deliverTo(projection);

        StatementLine line = queries.statement(ACCOUNT, null, null, null, 10).lines().get(0);

        assertThat(line.entryNo()).isEqualTo(2L);
        assertThat(line.recordedAt()).isEqualTo(History.RECORDED_AT);
        assertThat(queries.account(ACCOUNT).orElseThrow().available()).isEqualTo(usd("8.00"));
    }
}
