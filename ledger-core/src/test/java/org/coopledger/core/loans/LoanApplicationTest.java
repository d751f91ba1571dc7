package org.coopledger.core.loans;

import org.coopledger.core.journal.JournalEntry;
import org.coopledger.core.journal.JournalLine;
import org.coopledger.core.loans.api.ApproveLoan;
import org.coopledger.core.loans.api.DisburseLoan;
import org.coopledger.core.loans.api.DisbursementChannel;
import org.coopledger.core.loans.api.DisbursementResult;
import org.coopledger.core.loans.api.FeeCharging;
import org.coopledger.core.loans.api.Guarantee;
import org.coopledger.core.loans.api.LoanApplicationSubmitted;
import org.coopledger.core.loans.api.LoanApplicationWithdrawn;
import org.coopledger.core.loans.api.LoanApproved;
import org.coopledger.core.loans.api.LoanDisbursed;
import org.coopledger.core.loans.api.LoanFee;
import org.coopledger.core.loans.api.LoanId;
import org.coopledger.core.loans.api.LoanRejected;
import org.coopledger.core.loans.api.LoanTerms;
import org.coopledger.core.loans.api.RejectLoan;
import org.coopledger.core.loans.api.WithdrawLoanApplication;
import org.coopledger.core.members.api.ExitMember;
import org.coopledger.core.savings.api.HoldPlaced;
import org.coopledger.core.savings.api.LoanProceedsCredited;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.coopledger.core.error.ErrorCode.ACCOUNT_NOT_FOUND;
import static org.coopledger.core.error.ErrorCode.INSTALLMENTS_OUT_OF_RANGE;
import static org.coopledger.core.error.ErrorCode.INSUFFICIENT_COMPULSORY_SAVINGS;
import static org.coopledger.core.error.ErrorCode.INSUFFICIENT_FUNDS;
import static org.coopledger.core.error.ErrorCode.INSUFFICIENT_GUARANTEE;
import static org.coopledger.core.error.ErrorCode.LOAN_NOT_FOUND;
import static org.coopledger.core.error.ErrorCode.LOAN_WRONG_STATE;
import static org.coopledger.core.error.ErrorCode.MAKER_CHECKER_VIOLATION;
import static org.coopledger.core.error.ErrorCode.MEMBER_NOT_ACTIVE;
import static org.coopledger.core.error.ErrorCode.PRINCIPAL_OUT_OF_RANGE;
import static org.coopledger.core.error.ErrorCode.PRODUCT_NOT_FOUND;
import static org.coopledger.core.error.ErrorCode.VALIDATION_FAILED;
import static org.coopledger.core.journal.GlAccount.CASH_ON_HAND;
import static org.coopledger.core.journal.GlAccount.FEE_INCOME;
import static org.coopledger.core.journal.GlAccount.LOANS_PRINCIPAL;
import static org.coopledger.core.journal.GlAccount.MEMBER_SAVINGS;
import static org.coopledger.core.journal.GlAccount.TRANSFERS_IN_TRANSIT;
import static org.coopledger.core.loans.LoanDesk.BORROWER;
import static org.coopledger.core.loans.LoanDesk.BORROWER_SAVINGS;
import static org.coopledger.core.loans.LoanDesk.DISBURSED_ON;
import static org.coopledger.core.loans.LoanDesk.DISBURSEMENT;
import static org.coopledger.core.loans.LoanDesk.GUARANTOR;
import static org.coopledger.core.loans.LoanDesk.GUARANTOR_SAVINGS;
import static org.coopledger.core.loans.LoanDesk.LOAN;
import static org.coopledger.core.loans.LoanDesk.PRODUCT;
import static org.coopledger.core.loans.LoanDesk.SUBMITTED_ON;
import static org.coopledger.core.loans.LoanDesk.standardTerms;
import static org.coopledger.core.testsupport.Rejections.assertRejected;
import static org.coopledger.core.testsupport.Samples.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** From application to disbursement: each transition, and each refusal on the way. */
class LoanApplicationTest {

    private final LoanDesk desk = new LoanDesk();

    @AfterEach
    void tearDown() {
        desk.close();
    }

    private static List<Guarantee> pledge(String amount) {
        return List.of(new Guarantee(GUARANTOR, GUARANTOR_SAVINGS, usd(amount)));
    }

    @Test
    void applicationWithinTheProductIsSubmittedWithTheProductTermsCopied() {
        LoanTerms terms = standardTerms().build();
        desk.product(terms);
        int mark = desk.mark();

        LoanId id = desk.ledger.send(desk.application(usd("1000.00"), 3, List.of()));

        assertEquals(LOAN, id);
        assertEquals(List.of(new LoanApplicationSubmitted(LOAN, BORROWER, PRODUCT, terms, usd("1000.00"), 3, List.of(),
                "maker", SUBMITTED_ON)), desk.eventsSince(mark));
    }

    @Test
    void principalOutsideTheProductRangeIsRefused() {
        desk.product(standardTerms().build());
        assertRejected(PRINCIPAL_OUT_OF_RANGE, () -> desk.ledger.send(desk.application(usd("5000.01"), 3, List.of())));
        assertRejected(PRINCIPAL_OUT_OF_RANGE, () -> desk.ledger.send(desk.application(usd("99.99"), 3, List.of())));
    }

    @Test
    void installmentCountOutsideTheProductRangeIsRefused() {
        desk.product(standardTerms().build());
        assertRejected(INSTALLMENTS_OUT_OF_RANGE, () -> desk.ledger.send(desk.application(usd("1000.00"), 1, List.of())));
        assertRejected(INSTALLMENTS_OUT_OF_RANGE, () -> desk.ledger.send(desk.application(usd("1000.00"), 25, List.of())));
    }

    @Test
    void guaranteesBelowTheRequiredShareOfThePrincipalAreRefused() {
        desk.product(standardTerms().guarantee("0.5").build());
        assertRejected(INSUFFICIENT_GUARANTEE, () -> desk.ledger.send(
                desk.application(usd("1000.00"), 3, pledge("499.99"))));
        assertEquals(LOAN, desk.ledger.send(desk.application(usd("1000.00"), 3, pledge("500.00"))));
    }

    @Test
    void guaranteeFromAnAccountTheGuarantorDoesNotOwnIsRefusedAsNotFound() {
        desk.product(standardTerms().guarantee("0.5").build());
        assertRejected(ACCOUNT_NOT_FOUND, () -> desk.ledger.send(desk.application(usd("1000.00"), 3,
                List.of(new Guarantee(GUARANTOR, BORROWER_SAVINGS, usd("500.00"))))));
    }

    @Test
    void borrowerCannotGuaranteeTheirOwnLoan() {
        desk.product(standardTerms().build());
        assertRejected(VALIDATION_FAILED, () -> desk.ledger.send(desk.application(usd("1000.00"), 3,
                List.of(new Guarantee(BORROWER, BORROWER_SAVINGS, usd("500.00"))))));
    }

    @Test
    void applicationUnderAnUnknownProductIsRefused() {
        assertRejected(PRODUCT_NOT_FOUND, () -> desk.ledger.send(desk.application(usd("1000.00"), 3, List.of())));
    }

    @Test
    void applicationOfAnExitedMemberIsRefused() {
        desk.product(standardTerms().build());
        desk.ledger.send(new org.coopledger.core.savings.api.CloseSavingsAccount(BORROWER_SAVINGS, SUBMITTED_ON));
        desk.ledger.send(new ExitMember(BORROWER, SUBMITTED_ON, null));
        assertRejected(MEMBER_NOT_ACTIVE, () -> desk.ledger.send(desk.application(usd("1000.00"), 3, List.of())));
    }

    @Test
    void approvalByAnotherUserApprovesTheLoan() {
        desk.product(standardTerms().build()).submitted(List.of());
        int mark = desk.mark();

        desk.ledger.send(new ApproveLoan(LOAN, "checker", SUBMITTED_ON, null));

        assertEquals(List.of(new LoanApproved(LOAN, "checker", SUBMITTED_ON, null, null)), desk.eventsSince(mark));
    }

    @Test
    void approvalByTheUserWhoSubmittedIsAMakerCheckerViolation() {
        desk.product(standardTerms().build()).submitted(List.of());
        assertRejected(MAKER_CHECKER_VIOLATION,
                () -> desk.ledger.send(new ApproveLoan(LOAN, "MAKER", SUBMITTED_ON, null)));
    }

    @Test
    void approvingTwiceIsRefusedAsWrongState() {
        desk.product(standardTerms().build()).submitted(List.of()).approved();
        assertRejected(LOAN_WRONG_STATE, () -> desk.ledger.send(new ApproveLoan(LOAN, "checker", SUBMITTED_ON, null)));
    }

    @Test
    void approvalNeedsCompulsorySavingsCoveringTheProductShare() {
        desk.product(standardTerms().compulsorySavings("0.1").build()).submitted(List.of());
        desk.deposit(BORROWER_SAVINGS, usd("99.99"));
        assertRejected(INSUFFICIENT_COMPULSORY_SAVINGS,
                () -> desk.ledger.send(new ApproveLoan(LOAN, "checker", SUBMITTED_ON, BORROWER_SAVINGS)));
        assertRejected(INSUFFICIENT_COMPULSORY_SAVINGS,
                () -> desk.ledger.send(new ApproveLoan(LOAN, "checker", SUBMITTED_ON, null)));

        desk.deposit(BORROWER_SAVINGS, usd("0.01"));
        int mark = desk.mark();
        desk.ledger.send(new ApproveLoan(LOAN, "checker", SUBMITTED_ON, BORROWER_SAVINGS));

        assertEquals(List.of(new LoanApproved(LOAN, "checker", SUBMITTED_ON, BORROWER_SAVINGS, usd("100.00"))),
                desk.eventsSince(mark));
    }

    @Test
    void compulsorySavingsOfAnotherMemberAreNotFound() {
        desk.product(standardTerms().compulsorySavings("0.1").build()).submitted(List.of());
        desk.deposit(GUARANTOR_SAVINGS, usd("500.00"));
        assertRejected(ACCOUNT_NOT_FOUND,
                () -> desk.ledger.send(new ApproveLoan(LOAN, "checker", SUBMITTED_ON, GUARANTOR_SAVINGS)));
    }

    @Test
    void rejectionEndsASubmittedApplication() {
        desk.product(standardTerms().build()).submitted(List.of());
        int mark = desk.mark();

        desk.ledger.send(new RejectLoan(LOAN, "checker", SUBMITTED_ON, "income too low"));

        assertEquals(List.of(new LoanRejected(LOAN, "checker", SUBMITTED_ON, "income too low")),
                desk.eventsSince(mark));
        assertRejected(LOAN_WRONG_STATE, () -> desk.ledger.send(new ApproveLoan(LOAN, "checker", SUBMITTED_ON, null)));
    }

    @Test
    void rejectingAnApprovedLoanIsRefusedAsWrongState() {
        desk.product(standardTerms().build()).submitted(List.of()).approved();
        assertRejected(LOAN_WRONG_STATE, () -> desk.ledger.send(new RejectLoan(LOAN, "checker", SUBMITTED_ON, null)));
    }

    @Test
    void memberMayWithdrawAnApprovedApplicationButNotADisbursedLoan() {
        desk.product(standardTerms().build()).submitted(List.of()).approved();
        int mark = desk.mark();
        desk.ledger.send(new WithdrawLoanApplication(LOAN, SUBMITTED_ON, "found work"));
        assertEquals(List.of(new LoanApplicationWithdrawn(LOAN, SUBMITTED_ON, "found work")), desk.eventsSince(mark));
        assertRejected(LOAN_WRONG_STATE, desk::disbursed);
    }

    @Test
    void withdrawingADisbursedLoanIsRefusedAsWrongState() {
        desk.active(standardTerms().build(), List.of());
        assertRejected(LOAN_WRONG_STATE,
                () -> desk.ledger.send(new WithdrawLoanApplication(LOAN, DISBURSED_ON, null)));
    }

    @Test
    void disbursingInCashDebitsLoansAndCreditsCashAndFixesTheSchedule() {
        desk.product(standardTerms().build()).submitted(List.of()).approved();
        int mark = desk.mark();

        DisbursementResult result = desk.disbursed();

        LoanDisbursed disbursed = assertInstanceOf(LoanDisbursed.class, desk.eventsSince(mark).get(0));
        assertEquals(1, desk.eventsSince(mark).size());
        assertEquals(JournalEntry.transfer(LOANS_PRINCIPAL, CASH_ON_HAND, usd("1000.00")), disbursed.journal());
        assertEquals(usd("1000.00"), result.netAmount());
        assertEquals(3, disbursed.schedule().installments().size());
        assertEquals(usd("340.03"), disbursed.schedule().installments().get(2).total());
        assertEquals(LoanDesk.APR_15, disbursed.schedule().installments().get(2).dueDate());
    }

    @Test
    void disbursingIntoSavingsClearsThroughTransitAndDeductsFeesAtDisbursement() {
        desk.product(standardTerms()
                .fee(new LoanFee("processing", null, new BigDecimal("0.02"), FeeCharging.AT_DISBURSEMENT)).build())
                .submitted(List.of()).approved();
        int mark = desk.mark();

        DisbursementResult result = desk.ledger.send(new DisburseLoan(LOAN, DISBURSEMENT, DISBURSED_ON, null,
                DisbursementChannel.SAVINGS, BORROWER_SAVINGS, null));

        List<Object> events = desk.eventsSince(mark);
        LoanDisbursed disbursed = assertInstanceOf(LoanDisbursed.class, events.get(0));
        assertEquals(JournalEntry.of(JournalLine.debit(LOANS_PRINCIPAL, usd("1000.00")),
                JournalLine.credit(TRANSFERS_IN_TRANSIT, usd("1000.00")),
                JournalLine.debit(TRANSFERS_IN_TRANSIT, usd("20.00")),
                JournalLine.credit(FEE_INCOME, usd("20.00"))), disbursed.journal());
        assertEquals(new LoanProceedsCredited(BORROWER_SAVINGS, DISBURSEMENT, LOAN.value(), usd("980.00"),
                usd("980.00"), DISBURSED_ON, JournalEntry.transfer(TRANSFERS_IN_TRANSIT, MEMBER_SAVINGS,
                usd("980.00"))), events.get(1));
        assertEquals(usd("980.00"), result.netAmount());
    }

    @Test
    void disbursingIntoAnotherMembersSavingsIsRefusedAndRecordsNothing() {
        desk.product(standardTerms().build()).submitted(List.of()).approved();
        int mark = desk.mark();
        assertRejected(ACCOUNT_NOT_FOUND, () -> desk.ledger.send(new DisburseLoan(LOAN, DISBURSEMENT, DISBURSED_ON,
                null, DisbursementChannel.SAVINGS, GUARANTOR_SAVINGS, null)));
        assertEquals(List.of(), desk.eventsSince(mark));
    }

    @Test
    void disbursingASubmittedLoanIsRefusedAsWrongState() {
        desk.product(standardTerms().build()).submitted(List.of());
        assertRejected(LOAN_WRONG_STATE, desk::disbursed);
    }

    @Test
    void disbursingAnUnknownLoanIsRefusedAsNotFound() {
        assertRejected(LOAN_NOT_FOUND, desk::disbursed);
    }

    @Test
    void disbursementPlacesTheGuarantorsHolds() {
        desk.deposit(GUARANTOR_SAVINGS, usd("600.00"));
        desk.product(standardTerms().guarantee("0.5").build()).submitted(pledge("500.00")).approved();
        int mark = desk.mark();

        desk.disbursed();

        assertEquals(new HoldPlaced(GUARANTOR_SAVINGS, "loan:loan-1", usd("500.00"), usd("500.00"),
                "guarantee for loan loan-1"), desk.eventsSince(mark).get(1));
    }

    @Test
    void disbursementIsRefusedAsAWholeWhenAGuarantorNoLongerHasThePledge() {
        desk.deposit(GUARANTOR_SAVINGS, usd("499.99"));
        desk.product(standardTerms().guarantee("0.5").build()).submitted(pledge("500.00")).approved();
        int mark = desk.mark();

        assertRejected(INSUFFICIENT_FUNDS, desk::disbursed);
        assertEquals(List.of(), desk.eventsSince(mark));
    }
}
