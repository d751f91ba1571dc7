package org.coopledger.core.loans;

import org.coopledger.core.journal.JournalEntry;
import org.coopledger.core.journal.JournalLine;
import org.coopledger.core.journal.TransactionId;
import org.coopledger.core.loans.api.ChargePenalties;
import org.coopledger.core.loans.api.Guarantee;
import org.coopledger.core.loans.api.InstallmentAllocation;
import org.coopledger.core.loans.api.LoanAdvanceApplied;
import org.coopledger.core.loans.api.LoanClosed;
import org.coopledger.core.loans.api.LoanComponent;
import org.coopledger.core.loans.api.LoanComponents;
import org.coopledger.core.loans.api.LoanRepaymentRecorded;
import org.coopledger.core.loans.api.OverpaymentPolicy;
import org.coopledger.core.loans.api.RepaymentResult;
import org.coopledger.core.savings.api.HoldReduced;
import org.coopledger.core.savings.api.HoldReleased;
import org.joda.money.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.coopledger.core.error.ErrorCode.LOAN_WRONG_STATE;
import static org.coopledger.core.error.ErrorCode.OVERPAYMENT_REFUSED;
import static org.coopledger.core.journal.GlAccount.CASH_ON_HAND;
import static org.coopledger.core.journal.GlAccount.LOANS_PRINCIPAL;
import static org.coopledger.core.journal.GlAccount.LOAN_ADVANCES;
import static org.coopledger.core.journal.GlAccount.LOAN_INTEREST_INCOME;
import static org.coopledger.core.journal.GlAccount.PENALTY_INCOME;
import static org.coopledger.core.loans.LoanDesk.APR_15;
import static org.coopledger.core.loans.LoanDesk.FEB_15;
import static org.coopledger.core.loans.LoanDesk.GUARANTOR;
import static org.coopledger.core.loans.LoanDesk.GUARANTOR_SAVINGS;
import static org.coopledger.core.loans.LoanDesk.LOAN;
import static org.coopledger.core.loans.LoanDesk.MAR_15;
import static org.coopledger.core.loans.LoanDesk.standardTerms;
import static org.coopledger.core.testsupport.Rejections.assertRejected;
import static org.coopledger.core.testsupport.Samples.USD;
import static org.coopledger.core.testsupport.Samples.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Allocation of repayments, overpayments under both policies, and closure (see {@link LoanDesk} for the loan). */
class LoanRepaymentTest {

    private static final TransactionId T = new TransactionId("t-repay");
    private final LoanDesk desk = new LoanDesk();

    @AfterEach
    void tearDown() {
        desk.close();
    }

    private static LoanComponents split(String penalty, String fee, String interest, String principal) {
        return new LoanComponents(usd(penalty), usd(fee), usd(interest), usd(principal));
    }

    private static Money zero() {
        return Money.zero(USD);
    }

    @Test
    void partialPaymentPaysInterestBeforePrincipalAndBooksEachToItsAccount() {
        desk.active(standardTerms().build(), List.of());
        int mark = desk.mark();

        RepaymentResult result = desk.ledger.send(desk.repayment(T, usd("50.00"), FEB_15));

        LoanComponents paid = split("0.00", "0.00", "10.00", "40.00");
        assertEquals(List.of(new LoanRepaymentRecorded(LOAN, T, usd("50.00"), FEB_15, "till-1",
                        List.of(new InstallmentAllocation(1, paid)), paid, zero(), zero(),
                        split("0.00", "0.00", "10.07", "960.00"),
                        JournalEntry.of(JournalLine.debit(CASH_ON_HAND, usd("50.00")),
                                JournalLine.credit(LOAN_INTEREST_INCOME, usd("10.00")),
                                JournalLine.credit(LOANS_PRINCIPAL, usd("40.00"))))),
                desk.eventsSince(mark));
        assertFalse(result.closed());
    }

    @Test
    void paymentSpanningInstallmentsSettlesTheOldestFirst() {
        desk.active(standardTerms().build(), List.of());

        RepaymentResult result = desk.ledger.send(desk.repayment(T, usd("400.00"), MAR_15));

        LoanRepaymentRecorded event = assertInstanceOf(LoanRepaymentRecorded.class, desk.ledger.events()
                .get(desk.ledger.events().size() - 1));
        assertEquals(List.of(new InstallmentAllocation(1, split("0.00", "0.00", "10.00", "330.02")),
                new InstallmentAllocation(2, split("0.00", "0.00", "6.70", "53.28"))), event.allocations());
        assertEquals(split("0.00", "0.00", "16.70", "383.30"), result.allocated());
        assertEquals(usd("616.70"), result.outstanding().principal());
    }

    @Test
    void overpaymentIsRefusedWhenTheProductRefusesIt() {
        desk.active(standardTerms().overpayment(OverpaymentPolicy.REFUSE).build(), List.of());
        int mark = desk.mark();

        assertRejected(OVERPAYMENT_REFUSED, () -> desk.repay(usd("340.03"), FEB_15));
        assertRejected(OVERPAYMENT_REFUSED, () -> desk.repay(usd("1.00"), FEB_15.minusDays(1)));
        assertEquals(List.of(), desk.eventsSince(mark));
    }

    @Test
    void overpaymentIsHeldAsAnAdvanceAndPaysTheNextInstallmentWhenItFallsDue() {
        desk.active(standardTerms().overpayment(OverpaymentPolicy.HOLD_AS_ADVANCE).build(), List.of());

        RepaymentResult paid = desk.ledger.send(desk.repayment(T, usd("400.00"), FEB_15));

        assertEquals(usd("59.98"), paid.advanceHeld());
        LoanRepaymentRecorded event = assertInstanceOf(LoanRepaymentRecorded.class, desk.ledger.events()
                .get(desk.ledger.events().size() - 1));
        assertEquals(JournalEntry.of(JournalLine.debit(CASH_ON_HAND, usd("400.00")),
                JournalLine.credit(LOAN_INTEREST_INCOME, usd("10.00")),
                JournalLine.credit(LOANS_PRINCIPAL, usd("330.02")),
                JournalLine.credit(LOAN_ADVANCES, usd("59.98"))), event.journal());

        int mark = desk.mark();
        desk.ledger.send(new ChargePenalties(LOAN, MAR_15));

        LoanComponents applied = split("0.00", "0.00", "6.70", "53.28");
        assertEquals(List.of(new LoanAdvanceApplied(LOAN, new TransactionId("loan-1@2026-03-15"), MAR_15,
                List.of(new InstallmentAllocation(2, applied)), applied, zero(),
                split("0.00", "0.00", "3.37", "616.70"),
                JournalEntry.of(JournalLine.debit(LOAN_ADVANCES, usd("59.98")),
                        JournalLine.credit(LOAN_INTEREST_INCOME, usd("6.70")),
                        JournalLine.credit(LOANS_PRINCIPAL, usd("53.28"))))), desk.eventsSince(mark));
    }

    @Test
    void anAdvanceBeyondEverythingTheScheduleWillAskForIsRefusedEvenWhenAdvancesAreHeld() {
        desk.active(standardTerms().overpayment(OverpaymentPolicy.HOLD_AS_ADVANCE).build(), List.of());
        assertRejected(OVERPAYMENT_REFUSED, () -> desk.repay(usd("1020.08"), FEB_15));
        assertEquals(usd("680.05"), desk.repay(usd("1020.07"), FEB_15).advanceAfter());
    }

    @Test
    void penaltiesArePaidBeforeInterestAndPrincipal() {
        desk.active(standardTerms().penalty("0.02", 5).build(), List.of());
        desk.ledger.send(new ChargePenalties(LOAN, FEB_15.plusDays(6)));

        RepaymentResult result = desk.ledger.send(desk.repayment(T, usd("10.00"), FEB_15.plusDays(6)));

        assertEquals(split("6.80", "0.00", "3.20", "0.00"), result.allocated());
        LoanRepaymentRecorded event = assertInstanceOf(LoanRepaymentRecorded.class, desk.ledger.events()
                .get(desk.ledger.events().size() - 1));
        assertEquals(JournalEntry.of(JournalLine.debit(CASH_ON_HAND, usd("10.00")),
                JournalLine.credit(PENALTY_INCOME, usd("6.80")),
                JournalLine.credit(LOAN_INTEREST_INCOME, usd("3.20"))), event.journal());
    }

    @Test
    void aProductOrderPuttingPrincipalFirstIsFollowed() {
        desk.active(standardTerms().allocation(LoanComponent.PRINCIPAL, LoanComponent.INTEREST, LoanComponent.FEE,
                LoanComponent.PENALTY).build(), List.of());

        RepaymentResult result = desk.repay(usd("335.00"), FEB_15);

        assertEquals(split("0.00", "0.00", "4.98", "330.02"), result.allocated());
    }

    @Test
    void payingEveryInstallmentClosesTheLoanAndReleasesTheGuarantee() {
        desk.deposit(GUARANTOR_SAVINGS, usd("500.00"));
        desk.active(standardTerms().guarantee("0.5").build(),
                List.of(new Guarantee(GUARANTOR, GUARANTOR_SAVINGS, usd("500.00"))));

        int mark = desk.mark();
        desk.repay(usd("340.02"), FEB_15);
        // 500.00 × 669.98 / 1,000.00 = 334.99 stays pledged.
        assertEquals(new HoldReduced(GUARANTOR_SAVINGS, "loan:loan-1", usd("165.01"), usd("334.99"), usd("334.99")),
                desk.eventsSince(mark).get(1));
        desk.repay(usd("340.02"), MAR_15);
        // 500.00 × 336.66 / 1,000.00 = 168.33 is what the last installment releases.
        mark = desk.mark();
        RepaymentResult last = desk.repay(usd("340.03"), APR_15);

        assertTrue(last.closed());
        List<Object> events = desk.eventsSince(mark);
        assertEquals(new LoanClosed(LOAN, APR_15), events.get(1));
        assertEquals(new HoldReleased(GUARANTOR_SAVINGS, "loan:loan-1", usd("168.33"), usd("0.00")), events.get(2));
        assertRejected(LOAN_WRONG_STATE, () -> desk.repay(usd("1.00"), APR_15));
    }

    @Test
    void repayingALoanNotYetDisbursedIsRefusedAsWrongState() {
        desk.product(standardTerms().build()).submitted(List.of()).approved();
        assertRejected(LOAN_WRONG_STATE, () -> desk.repay(usd("1.00"), FEB_15));
    }
}
