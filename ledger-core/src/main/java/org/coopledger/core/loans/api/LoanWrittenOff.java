package org.coopledger.core.loans.api;

import org.coopledger.core.journal.JournalEntry;
import org.coopledger.core.journal.JournalEvent;
import org.coopledger.core.journal.TransactionId;

import java.time.LocalDate;

/**
 * Outstanding principal moves to loan loss: Dr 5100 / Cr 1100. Unpaid interest, fees and penalties
 * were never booked (cash basis), so they need no entry; {@code outstanding} records them all for
 * recoveries and reports.
 */
public record LoanWrittenOff(LoanId loanId,
                             TransactionId transactionId,
                             LocalDate bookingDate,
                             String writtenOffBy,
                             String reason,
                             LoanComponents outstanding,
                             JournalEntry journal) implements JournalEvent {
}
