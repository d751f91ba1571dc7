package org.coopledger.core.loans.api;

import org.coopledger.core.journal.JournalEntry;
import org.coopledger.core.journal.JournalEvent;
import org.coopledger.core.journal.TransactionId;
import org.joda.money.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * A repayment, allocated oldest installment first and within each by the product's order.
 * Journal: Dr 1000 Cash {@code amount} / Cr 1100 principal, Cr 4000 interest, Cr 4100 fees,
 * Cr 4200 penalties and Cr 2200 Loan advances for {@code advanceHeld}. Interest and fees are income
 * when paid (cash basis): nothing is accrued before. {@code outstandingAfter} is what the whole
 * schedule still owes, due or not, before the advance.
 */
public record LoanRepaymentRecorded(LoanId loanId,
                                    TransactionId transactionId,
                                    Money amount,
                                    LocalDate bookingDate,
                                    String tillId,
                                    List<InstallmentAllocation> allocations,
                                    LoanComponents allocated,
                                    Money advanceHeld,
                                    Money advanceAfter,
                                    LoanComponents outstandingAfter,
                                    JournalEntry journal) implements JournalEvent {

    public LoanRepaymentRecorded {
        allocations = List.copyOf(allocations);
    }
}
