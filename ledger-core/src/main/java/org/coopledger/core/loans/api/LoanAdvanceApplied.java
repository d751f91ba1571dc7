package org.coopledger.core.loans.api;

import org.coopledger.core.journal.JournalEntry;
import org.coopledger.core.journal.JournalEvent;
import org.coopledger.core.journal.TransactionId;
import org.joda.money.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * Money held as an advance pays installments that have fallen due: Dr 2200 Loan advances /
 * Cr 1100, 4000, 4100, 4200 as allocated.
 */
public record LoanAdvanceApplied(LoanId loanId,
                                 TransactionId transactionId,
                                 LocalDate bookingDate,
                                 List<InstallmentAllocation> allocations,
                                 LoanComponents allocated,
                                 Money advanceAfter,
                                 LoanComponents outstandingAfter,
                                 JournalEntry journal) implements JournalEvent {

    public LoanAdvanceApplied {
        allocations = List.copyOf(allocations);
    }
}
