package org.coopledger.core.savings;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.coopledger.core.journal.JournalEntry;
import org.coopledger.core.journal.TransactionId;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.savings.api.AccountId;
import org.coopledger.core.savings.api.DepositRecorded;
import org.coopledger.core.savings.api.HoldPlaced;
import org.coopledger.core.savings.api.PostingResult;
import org.coopledger.core.savings.api.RecordDeposit;
import org.coopledger.core.savings.api.RecordWithdrawal;
import org.coopledger.core.savings.api.SavingsAccountClosed;
import org.coopledger.core.savings.api.SavingsAccountOpened;
import org.coopledger.core.savings.api.WithdrawalRecorded;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.coopledger.core.error.ErrorCode.ACCOUNT_NOT_ACTIVE;
import static org.coopledger.core.error.ErrorCode.AMOUNT_TOO_LARGE;
import static org.coopledger.core.error.ErrorCode.CURRENCY_MISMATCH;
import static org.coopledger.core.error.ErrorCode.INSUFFICIENT_FUNDS;
import static org.coopledger.core.error.ErrorCode.INVALID_AMOUNT;
import static org.coopledger.core.error.ErrorCode.VALIDATION_FAILED;
import static org.coopledger.core.journal.GlAccount.CASH_ON_HAND;
import static org.coopledger.core.journal.GlAccount.MEMBER_SAVINGS;
import static org.coopledger.core.testsupport.BrokenInvariants.brokenInvariant;
import static org.coopledger.core.testsupport.Rejections.rejectedWith;
import static org.coopledger.core.testsupport.Samples.JOD;
import static org.coopledger.core.testsupport.Samples.TODAY;
import static org.coopledger.core.testsupport.Samples.jod;
import static org.coopledger.core.testsupport.Samples.usd;

/** Deposits and withdrawals on one account. */
class SavingsAccountTest {

    static final AccountId ACCOUNT = new AccountId("account-1");
    static final MemberId MEMBER = new MemberId("member-1");
    static final TransactionId T1 = new TransactionId("t-1");
    static final TransactionId T2 = new TransactionId("t-2");

    private FixtureConfiguration<SavingsAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SavingsAccount.class);
    }

    static SavingsAccountOpened opened(Money minimumBalance) {
        return new SavingsAccountOpened(ACCOUNT, MEMBER, null, minimumBalance, TODAY);
    }

    static DepositRecorded deposited(TransactionId id, Money amount, Money balanceAfter) {
        return new DepositRecorded(ACCOUNT, id, amount, balanceAfter, TODAY, TODAY, "till-1", null,
                JournalEntry.transfer(CASH_ON_HAND, MEMBER_SAVINGS, amount));
    }

    static RecordDeposit deposit(TransactionId id, Money amount) {
        return new RecordDeposit(ACCOUNT, id, amount, TODAY, null, "till-1", null);
    }

    static RecordWithdrawal withdrawal(TransactionId id, Money amount) {
        return new RecordWithdrawal(ACCOUNT, id, amount, TODAY, null, "till-1", null);
    }

    static WithdrawalRecorded withdrawn(TransactionId id, Money amount, Money balanceAfter) {
        return new WithdrawalRecorded(ACCOUNT, id, amount, balanceAfter, TODAY, TODAY, "till-1", null,
                JournalEntry.transfer(MEMBER_SAVINGS, CASH_ON_HAND, amount));
    }

    @Test
    void depositDebitsCashCreditsMemberSavingsAndAnswersTheNewBalance() {
        fixture.given(opened(Money.zero(JOD)))
                .when(deposit(T1, jod("125.500")))
                .expectEvents(deposited(T1, jod("125.500"), jod("125.500")))
                .expectResultMessagePayload(new PostingResult(T1, jod("125.500"), jod("125.500")));
    }

    @Test
    void depositKeepsAGivenValueDate() {
        LocalDate yesterday = TODAY.minusDays(1);
        fixture.given(opened(Money.zero(JOD)))
                .when(new RecordDeposit(ACCOUNT, T1, jod("1.000"), TODAY, yesterday, null, "salary"))
                .expectEvents(new DepositRecorded(ACCOUNT, T1, jod("1.000"), jod("1.000"), TODAY, yesterday, null,
                        "salary", JournalEntry.transfer(CASH_ON_HAND, MEMBER_SAVINGS, jod("1.000"))));
    }

    @Test
    void depositIntoANewAccountStillBelowItsMinimumIsAcceptedWithNegativeAvailable() {
        fixture.given(opened(jod("50.000")))
                .when(deposit(T1, jod("20.000")))
                .expectEvents(deposited(T1, jod("20.000"), jod("20.000")))
                .expectResultMessagePayload(new PostingResult(T1, jod("20.000"), jod("-30.000")));
    }

    @Test
    void zeroDepositIsRefusedAsInvalidAmount() {
        fixture.given(opened(Money.zero(JOD)))
                .when(deposit(T1, jod("0")))
                .expectException(rejectedWith(INVALID_AMOUNT))
                .expectNoEvents();
    }

    @Test
    void negativeDepositIsRefusedAsInvalidAmount() {
        fixture.given(opened(Money.zero(JOD)))
                .when(deposit(T1, jod("-1.000")))
                .expectException(rejectedWith(INVALID_AMOUNT));
    }

    @Test
    void depositWithoutAnAmountIsRefusedAsInvalidAmount() {
        fixture.given(opened(Money.zero(JOD)))
                .when(deposit(T1, null))
                .expectException(rejectedWith(INVALID_AMOUNT));
    }

    @Test
    void depositOfOneTrillionIsRefusedAsTooLarge() {
        fixture.given(opened(Money.zero(JOD)))
                .when(deposit(T1, jod("1000000000000")))
                .expectException(rejectedWith(AMOUNT_TOO_LARGE));
    }

    @Test
    void depositInAnotherCurrencyIsRefusedAsCurrencyMismatch() {
        fixture.given(opened(Money.zero(JOD)))
                .when(deposit(T1, usd("10.00")))
                .expectException(rejectedWith(CURRENCY_MISMATCH));
    }

    @Test
    void depositWithoutABookingDateIsRefusedAsInvalid() {
        fixture.given(opened(Money.zero(JOD)))
                .when(new RecordDeposit(ACCOUNT, T1, jod("1.000"), null, null, null, null))
                .expectException(rejectedWith(VALIDATION_FAILED));
    }

    @Test
    void depositWithoutATransactionIdIsRefusedAsInvalid() {
        fixture.given(opened(Money.zero(JOD)))
                .when(deposit(null, jod("1.000")))
                .expectException(rejectedWith(VALIDATION_FAILED));
    }

    @Test
    void depositWithAnOverlongReferenceIsRefusedAsInvalid() {
        fixture.given(opened(Money.zero(JOD)))
                .when(new RecordDeposit(ACCOUNT, T1, jod("1.000"), TODAY, null, null,
                        "r".repeat(SavingsAccount.MAX_REFERENCE_CHARS + 1)))
                .expectException(rejectedWith(VALIDATION_FAILED));
    }

    @Test
    void depositIntoAClosedAccountIsRefusedAsNotActive() {
        fixture.given(opened(Money.zero(JOD)), new SavingsAccountClosed(ACCOUNT, MEMBER, TODAY))
                .when(deposit(T1, jod("1.000")))
                .expectException(rejectedWith(ACCOUNT_NOT_ACTIVE));
    }

    @Test
    void withdrawalDebitsMemberSavingsCreditsCashAndAnswersTheNewBalance() {
        fixture.given(opened(Money.zero(JOD)), deposited(T1, jod("100.000"), jod("100.000")))
                .when(withdrawal(T2, jod("40.250")))
                .expectEvents(withdrawn(T2, jod("40.250"), jod("59.750")))
                .expectResultMessagePayload(new PostingResult(T2, jod("59.750"), jod("59.750")));
    }

    @Test
    void withdrawalOfTheWholeAvailableBalanceIsAccepted() {
        fixture.given(opened(jod("10.000")), deposited(T1, jod("100.000"), jod("100.000")))
                .when(withdrawal(T2, jod("90.000")))
                .expectEvents(withdrawn(T2, jod("90.000"), jod("10.000")))
                .expectResultMessagePayload(new PostingResult(T2, jod("10.000"), jod("0.000")));
    }

    @Test
    void withdrawalThatWouldGoBelowMinimumBalanceIsRefusedWithInsufficientFunds() {
        fixture.given(opened(jod("10.000")), deposited(T1, jod("100.000"), jod("100.000")))
                .when(withdrawal(T2, jod("90.001")))
                .expectException(rejectedWith(INSUFFICIENT_FUNDS))
                .expectNoEvents();
    }

    @Test
    void withdrawalThatWouldGoBelowMinimumBalancePlusHoldsIsRefusedWithInsufficientFunds() {
        fixture.given(opened(jod("10.000")), deposited(T1, jod("100.000"), jod("100.000")),
                        new HoldPlaced(ACCOUNT, "guarantee-1", jod("30.000"), jod("30.000"), null))
                .when(withdrawal(T2, jod("60.001")))
                .expectException(rejectedWith(INSUFFICIENT_FUNDS));
    }

    @Test
    void withdrawalDownToMinimumBalancePlusHoldsIsAccepted() {
        fixture.given(opened(jod("10.000")), deposited(T1, jod("100.000"), jod("100.000")),
                        new HoldPlaced(ACCOUNT, "guarantee-1", jod("30.000"), jod("30.000"), null))
                .when(withdrawal(T2, jod("60.000")))
                .expectEvents(withdrawn(T2, jod("60.000"), jod("40.000")))
                .expectResultMessagePayload(new PostingResult(T2, jod("40.000"), jod("0.000")));
    }

    @Test
    void withdrawalInAnotherCurrencyIsRefusedAsCurrencyMismatch() {
        fixture.given(opened(Money.zero(JOD)), deposited(T1, jod("100.000"), jod("100.000")))
                .when(withdrawal(T2, usd("1.00")))
                .expectException(rejectedWith(CURRENCY_MISMATCH));
    }

    @Test
    void zeroWithdrawalIsRefusedAsInvalidAmount() {
        fixture.given(opened(Money.zero(JOD)), deposited(T1, jod("100.000"), jod("100.000")))
                .when(withdrawal(T2, jod("0")))
                .expectException(rejectedWith(INVALID_AMOUNT));
    }

    @Test
    void withdrawalFromAClosedAccountIsRefusedAsNotActive() {
        fixture.given(opened(Money.zero(JOD)), new SavingsAccountClosed(ACCOUNT, MEMBER, TODAY))
                .when(withdrawal(T1, jod("1.000")))
                .expectException(rejectedWith(ACCOUNT_NOT_ACTIVE));
    }

    @Test
    void replayingAWithdrawalBelowTheFloorFailsToLoad() {
        fixture.given(opened(jod("10.000")), deposited(T1, jod("15.000"), jod("15.000")),
                        withdrawn(T2, jod("10.000"), jod("5.000")))
                .when(deposit(new TransactionId("t-3"), jod("1.000")))
                .expectException(brokenInvariant());
    }

    @Test
    void replayingABalanceAfterThatDoesNotFollowFailsToLoad() {
        fixture.given(opened(Money.zero(JOD)), deposited(T1, jod("15.000"), jod("16.000")))
                .when(deposit(T2, jod("1.000")))
                .expectException(brokenInvariant());
    }
}
