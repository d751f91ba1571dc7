package org.coopledger.core.loans;

import org.coopledger.core.journal.GlAccount;
import org.coopledger.core.journal.JournalEntry;
import org.coopledger.core.journal.JournalEvent;
import org.coopledger.core.journal.JournalLine;
import org.coopledger.core.journal.TransactionId;
import org.coopledger.core.loans.api.CallGuarantee;
import org.coopledger.core.loans.api.Guarantee;
import org.coopledger.core.loans.api.InstallmentAllocation;
import org.coopledger.core.loans.api.LoanClosed;
import org.coopledger.core.loans.api.LoanComponents;
import org.coopledger.core.loans.api.LoanGuaranteeCalled;
import org.coopledger.core.loans.api.RepaymentResult;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.savings.api.AccountId;
import org.coopledger.core.savings.api.GuaranteeCallDebited;
import org.coopledger.core.savings.api.HoldReduced;
import org.coopledger.core.savings.api.HoldReleased;
import org.coopledger.core.savings.api.OpenSavingsAccount;
import org.coopledger.core.savings.api.RecordWithdrawal;
import org.coopledger.core.savings.api.ReleaseHold;
import org.joda.money.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.coopledger.core.error.ErrorCode.GUARANTEE_ALREADY_CALLED;
import static org.coopledger.core.error.ErrorCode.GUARANTEE_NOT_FOUND;
import static org.coopledger.core.error.ErrorCode.LOAN_NOT_OVERDUE;
import static org.coopledger.core.error.ErrorCode.LOAN_WRONG_STATE;
import static org.coopledger.core.error.ErrorCode.NOTHING_PLEDGED;
import static org.coopledger.core.journal.GlAccount.LOANS_PRINCIPAL;
import static org.coopledger.core.journal.GlAccount.LOAN_INTEREST_INCOME;
import static org.coopledger.core.journal.GlAccount.MEMBER_SAVINGS;
import static org.coopledger.core.journal.GlAccount.TRANSFERS_IN_TRANSIT;
import static org.coopledger.core.loans.LoanDesk.APR_15;
import static org.coopledger.core.loans.LoanDesk.BORROWER_SAVINGS;
import static org.coopledger.core.loans.LoanDesk.FEB_15;
import static org.coopledger.core.loans.LoanDesk.GUARANTOR;
import static org.coopledger.core.loans.LoanDesk.GUARANTOR_SAVINGS;
import static org.coopledger.core.loans.LoanDesk.LOAN;
import static org.coopledger.core.loans.LoanDesk.SUBMITTED_ON;
import static org.coopledger.core.loans.LoanDesk.standardTerms;
import static org.coopledger.core.testsupport.Rejections.assertRejected;
import static org.coopledger.core.testsupport.Samples.USD;
import static org.coopledger.core.testsupport.Samples.registerMember;
import static org.coopledger.core.testsupport.Samples.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A called guarantee: on a loan in arrears, the pledge's hold is released and up to the pledged
 * amount moves from the guarantor's savings to the loan, both legs balanced through 2090.
 */
class LoanGuaranteeCallTest {

    private static final LocalDate MAR_1 = LocalDate.of(2026, 3, 1);
    private static final TransactionId CALL = new TransactionId("t-call");
    private final LoanDesk desk = new LoanDesk();

    @AfterEach
    void tearDown() {
        desk.close();
    }

    private static CallGuarantee call(AccountId account, LocalDate on) {
        return new CallGuarantee(LOAN, CALL, account, on, "manager");
    }

    private LoanDesk pledged(Money amount) {
        desk.deposit(GUARANTOR_SAVINGS, amount);
        return desk.active(standardTerms().build(), List.of(new Guarantee(GUARANTOR, GUARANTOR_SAVINGS, amount)));
    }

    @Test
    void aCallReleasesTheHoldAndMovesThePledgeToTheLoanOldestInstallmentFirst() {
        pledged(usd("500.00"));
        int mark = desk.mark();

        RepaymentResult result = desk.ledger.send(call(GUARANTOR_SAVINGS, MAR_1));

        // Installment 1 (10.00 + 330.02) in full, then 6.70 interest and 153.28 principal of installment 2.
        LoanComponents allocated = new LoanComponents(usd("0.00"), usd("0.00"), usd("16.70"), usd("483.30"));
        LoanComponents outstanding = new LoanComponents(usd("0.00"), usd("0.00"), usd("3.37"), usd("516.70"));
        assertEquals(List.of(
                new HoldReleased(GUARANTOR_SAVINGS, "loan:loan-1", usd("500.00"), usd("0.00")),
                new GuaranteeCallDebited(GUARANTOR_SAVINGS, CALL, LOAN.value(), usd("500.00"), usd("0.00"), MAR_1,
                        JournalEntry.transfer(MEMBER_SAVINGS, TRANSFERS_IN_TRANSIT, usd("500.00"))),
                new LoanGuaranteeCalled(LOAN, CALL, GUARANTOR, GUARANTOR_SAVINGS, usd("500.00"), MAR_1, "manager",
                        List.of(new InstallmentAllocation(1, new LoanComponents(usd("0.00"), usd("0.00"),
                                        usd("10.00"), usd("330.02"))),
                                new InstallmentAllocation(2, new LoanComponents(usd("0.00"), usd("0.00"),
                                        usd("6.70"), usd("153.28")))),
                        allocated, outstanding,
                        JournalEntry.of(JournalLine.debit(TRANSFERS_IN_TRANSIT, usd("500.00")),
                                JournalLine.credit(LOAN_INTEREST_INCOME, usd("16.70")),
                                JournalLine.credit(LOANS_PRINCIPAL, usd("483.30"))))),
                desk.eventsSince(mark));
        assertEquals(allocated, result.allocated());
        assertEquals(outstanding, result.outstanding());
        assertFalse(result.closed());
        assertBalancedWithClearingAtZero(desk.eventsSince(mark));
    }

    @Test
    void aCallCoveringEverythingOwedTakesNoMoreClosesTheLoanAndReleasesTheOtherGuarantees() {
        MemberId second = new MemberId("member-second");
        AccountId secondSavings = new AccountId("account-second");
        desk.ledger.send(registerMember(second, null));
        desk.ledger.send(new OpenSavingsAccount(secondSavings, second, null, USD, SUBMITTED_ON));
        desk.deposit(secondSavings, usd("300.00"));
        desk.deposit(GUARANTOR_SAVINGS, usd("1500.00"));
        desk.active(standardTerms().build(), List.of(new Guarantee(GUARANTOR, GUARANTOR_SAVINGS, usd("1200.00")),
                new Guarantee(second, secondSavings, usd("300.00"))));
        int mark = desk.mark();

        RepaymentResult result = desk.ledger.send(call(GUARANTOR_SAVINGS, MAR_1));

        List<Object> events = desk.eventsSince(mark);
        // 1,000.00 principal and 20.07 interest were owed: that much is taken of the 1,200.00 pledged.
        assertEquals(new GuaranteeCallDebited(GUARANTOR_SAVINGS, CALL, LOAN.value(), usd("1020.07"), usd("479.93"),
                MAR_1, JournalEntry.transfer(MEMBER_SAVINGS, TRANSFERS_IN_TRANSIT, usd("1020.07"))), events.get(1));
        assertTrue(result.closed());
        assertEquals(LoanComponents.zero(USD), result.outstanding());
        assertTrue(events.contains(new LoanClosed(LOAN, MAR_1)));
        assertEquals(new HoldReleased(secondSavings, "loan:loan-1", usd("300.00"), usd("0.00")),
                events.get(events.size() - 1));
        assertBalancedWithClearingAtZero(events);
        // The guarantor's released savings are theirs again: what is left can be withdrawn.
        desk.ledger.send(new RecordWithdrawal(GUARANTOR_SAVINGS, new TransactionId("t-w"), usd("479.93"), MAR_1,
                null, null, null));
    }

    @Test
    void theOtherGuarantorsHoldsFollowThePrincipalStillOutstanding() {
        MemberId second = new MemberId("member-second");
        AccountId secondSavings = new AccountId("account-second");
        desk.ledger.send(registerMember(second, null));
        desk.ledger.send(new OpenSavingsAccount(secondSavings, second, null, USD, SUBMITTED_ON));
        desk.deposit(secondSavings, usd("400.00"));
        pledgedTogetherWith(second, secondSavings);
        int mark = desk.mark();

        desk.ledger.send(call(GUARANTOR_SAVINGS, MAR_1));

        // 516.70 of 1,000.00 principal is left: 400.00 × 0.5167 = 206.68.
        assertEquals(new HoldReduced(secondSavings, "loan:loan-1", usd("193.32"), usd("206.68"), usd("206.68")),
                desk.eventsSince(mark).get(3));
    }

    private void pledgedTogetherWith(MemberId second, AccountId secondSavings) {
        desk.deposit(GUARANTOR_SAVINGS, usd("500.00"));
        desk.active(standardTerms().build(), List.of(new Guarantee(GUARANTOR, GUARANTOR_SAVINGS, usd("500.00")),
                new Guarantee(second, secondSavings, usd("400.00"))));
    }

    @Test
    void aLoanNotDisbursedCannotBeRepaidByItsGuarantors() {
        desk.deposit(GUARANTOR_SAVINGS, usd("500.00"));
        desk.product(standardTerms().build())
                .submitted(List.of(new Guarantee(GUARANTOR, GUARANTOR_SAVINGS, usd("500.00")))).approved();
        int mark = desk.mark();

        assertRejected(LOAN_WRONG_STATE, () -> desk.ledger.send(call(GUARANTOR_SAVINGS, MAR_1)));
        assertEquals(List.of(), desk.eventsSince(mark));
    }

    @Test
    void aClosedLoanCannotBeRepaidByItsGuarantors() {
        pledged(usd("500.00"));
        desk.repay(usd("340.02"), FEB_15);
        desk.repay(usd("340.02"), LoanDesk.MAR_15);
        assertTrue(desk.repay(usd("340.03"), APR_15).closed());

        assertRejected(LOAN_WRONG_STATE, () -> desk.ledger.send(call(GUARANTOR_SAVINGS, APR_15.plusDays(1))));
    }

    @Test
    void aGuaranteeCannotBeCalledWhileTheLoanIsNotPastDue() {
        pledged(usd("500.00"));
        int mark = desk.mark();

        // On its due date an installment is due, not yet late.
        assertRejected(LOAN_NOT_OVERDUE, () -> desk.ledger.send(call(GUARANTOR_SAVINGS, FEB_15)));
        assertEquals(List.of(), desk.eventsSince(mark));
        desk.repay(usd("340.02"), FEB_15);
        int afterRepayment = desk.mark();
        assertRejected(LOAN_NOT_OVERDUE, () -> desk.ledger.send(call(GUARANTOR_SAVINGS, MAR_1)));
        assertEquals(List.of(), desk.eventsSince(afterRepayment));
    }

    @Test
    void anAccountThatPledgedNothingForTheLoanIsNoGuarantee() {
        pledged(usd("500.00"));
        int mark = desk.mark();

        assertRejected(GUARANTEE_NOT_FOUND, () -> desk.ledger.send(call(BORROWER_SAVINGS, MAR_1)));
        assertRejected(GUARANTEE_NOT_FOUND, () -> desk.ledger.send(call(new AccountId("account-none"), MAR_1)));
        assertEquals(List.of(), desk.eventsSince(mark));
    }

    @Test
    void aPledgeWhoseHoldWasReleasedHasNothingToCall() {
        pledged(usd("500.00"));
        desk.ledger.send(new ReleaseHold(GUARANTOR_SAVINGS, "loan:loan-1"));
        int mark = desk.mark();

        assertRejected(NOTHING_PLEDGED, () -> desk.ledger.send(call(GUARANTOR_SAVINGS, MAR_1)));
        assertEquals(List.of(), desk.eventsSince(mark));
    }

    @Test
    void aGuaranteeIsCalledOnlyOnce() {
        pledged(usd("500.00"));
        desk.ledger.send(call(GUARANTOR_SAVINGS, MAR_1));
        int mark = desk.mark();

        assertRejected(GUARANTEE_ALREADY_CALLED, () -> desk.ledger.send(
                new CallGuarantee(LOAN, new TransactionId("t-again"), GUARANTOR_SAVINGS, MAR_1.plusDays(1), "manager")));
        assertEquals(List.of(), desk.eventsSince(mark));
    }

    /** Every entry balances, and the clearing account 2090 nets to zero over the call. */
    private static void assertBalancedWithClearingAtZero(List<Object> events) {
        Map<GlAccount, Money> net = new HashMap<>();
        Money debits = Money.zero(USD);
        Money credits = Money.zero(USD);
        for (Object event : events) {
            if (event instanceof JournalEvent journal) {
                for (JournalLine line : journal.journal().lines()) {
                    boolean debit = line.side() == JournalLine.Side.DEBIT;
                    if (debit) {
                        debits = debits.plus(line.amount());
                    } else {
                        credits = credits.plus(line.amount());
                    }
                    net.merge(line.account(), debit ? line.amount() : line.amount().negated(), Money::plus);
                }
            }
        }
        assertTrue(debits.isPositive());
        assertEquals(debits, credits);
        assertEquals(usd("0.00"), net.get(TRANSFERS_IN_TRANSIT));
    }
}
