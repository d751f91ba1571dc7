package org.coopledger.core.loans;

import org.coopledger.core.journal.JournalEntry;
import org.coopledger.core.journal.TransactionId;
import org.coopledger.core.loans.api.Guarantee;
import org.coopledger.core.loans.api.LoanComponents;
import org.coopledger.core.loans.api.LoanRecoveryRecorded;
import org.coopledger.core.loans.api.LoanWrittenOff;
import org.coopledger.core.loans.api.RecordRecovery;
import org.coopledger.core.loans.api.WriteOffLoan;
import org.coopledger.core.savings.api.HoldReleased;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.coopledger.core.error.ErrorCode.LOAN_WRONG_STATE;
import static org.coopledger.core.error.ErrorCode.OVERPAYMENT_REFUSED;
import static org.coopledger.core.journal.GlAccount.CASH_ON_HAND;
import static org.coopledger.core.journal.GlAccount.LOANS_PRINCIPAL;
import static org.coopledger.core.journal.GlAccount.LOAN_LOSS_EXPENSE;
import static org.coopledger.core.journal.GlAccount.LOAN_RECOVERY_INCOME;
import static org.coopledger.core.loans.LoanDesk.FEB_15;
import static org.coopledger.core.loans.LoanDesk.GUARANTOR;
import static org.coopledger.core.loans.LoanDesk.GUARANTOR_SAVINGS;
import static org.coopledger.core.loans.LoanDesk.LOAN;
import static org.coopledger.core.loans.LoanDesk.standardTerms;
import static org.coopledger.core.testsupport.Rejections.assertRejected;
import static org.coopledger.core.testsupport.Samples.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Write-off moves outstanding principal to loan loss; later recoveries are income of their own. */
class LoanWriteOffTest {

    private static final LocalDate WRITE_OFF_DAY = LocalDate.of(2026, 9, 30);
    private static final TransactionId W = new TransactionId("t-write-off");
    private final LoanDesk desk = new LoanDesk();

    @AfterEach
    void tearDown() {
        desk.close();
    }

    @Test
    void writeOffMovesTheOutstandingPrincipalToLoanLossAndReleasesGuarantees() {
        desk.deposit(GUARANTOR_SAVINGS, usd("500.00"));
        desk.active(standardTerms().build(), List.of(new Guarantee(GUARANTOR, GUARANTOR_SAVINGS, usd("500.00"))));
        desk.repay(usd("50.00"), FEB_15);
        int mark = desk.mark();

        desk.ledger.send(new WriteOffLoan(LOAN, W, WRITE_OFF_DAY, "manager", "member unreachable"));

        List<Object> events = desk.eventsSince(mark);
        assertEquals(new LoanWrittenOff(LOAN, W, WRITE_OFF_DAY, "manager", "member unreachable",
                new LoanComponents(usd("0.00"), usd("0.00"), usd("10.07"), usd("960.00")),
                JournalEntry.transfer(LOAN_LOSS_EXPENSE, LOANS_PRINCIPAL, usd("960.00"))), events.get(0));
        assertEquals(HoldReleased.class, events.get(events.size() - 1).getClass());
        assertRejected(LOAN_WRONG_STATE, () -> desk.repay(usd("1.00"), WRITE_OFF_DAY));
    }

    @Test
    void recoveriesAreIncomeUpToWhatWasOwedAtWriteOff() {
        desk.active(standardTerms().build(), List.of());
        desk.ledger.send(new WriteOffLoan(LOAN, W, WRITE_OFF_DAY, "manager", null));
        TransactionId r = new TransactionId("t-recover");
        int mark = desk.mark();

        desk.ledger.send(new RecordRecovery(LOAN, r, usd("1000.00"), WRITE_OFF_DAY, "till-1"));

        assertEquals(List.of(new LoanRecoveryRecorded(LOAN, r, usd("1000.00"), usd("1000.00"), WRITE_OFF_DAY,
                "till-1", JournalEntry.transfer(CASH_ON_HAND, LOAN_RECOVERY_INCOME, usd("1000.00")))),
                desk.eventsSince(mark));
        // 1,000.00 principal and 20.07 interest were owed.
        assertRejected(OVERPAYMENT_REFUSED, () -> desk.ledger.send(
                new RecordRecovery(LOAN, new TransactionId("t-2"), usd("20.08"), WRITE_OFF_DAY, null)));
        desk.ledger.send(new RecordRecovery(LOAN, new TransactionId("t-3"), usd("20.07"), WRITE_OFF_DAY, null));
    }

    @Test
    void recoveryOnALoanNotWrittenOffIsRefusedAsWrongState() {
        desk.active(standardTerms().build(), List.of());
        assertRejected(LOAN_WRONG_STATE, () -> desk.ledger.send(
                new RecordRecovery(LOAN, new TransactionId("t-r"), usd("1.00"), WRITE_OFF_DAY, null)));
    }

    @Test
    void writingOffALoanNotDisbursedIsRefusedAsWrongState() {
        desk.product(standardTerms().build()).submitted(List.of()).approved();
        assertRejected(LOAN_WRONG_STATE, () -> desk.ledger.send(
                new WriteOffLoan(LOAN, W, WRITE_OFF_DAY, "manager", null)));
    }
}
