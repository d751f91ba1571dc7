package org.coopledger.core.loans.api;

import org.coopledger.core.journal.JournalEntry;
import org.coopledger.core.journal.JournalEvent;
import org.coopledger.core.journal.TransactionId;
import org.joda.money.Money;

import java.time.LocalDate;

/**
 * Dr 1000 Cash / Cr 4300 Recoveries on loans written off: income of its own account, so the
 * loan-loss rate (written off − recovered) reads it straight from the ledger.
 */
public record LoanRecoveryRecorded(LoanId loanId,
                                   TransactionId transactionId,
                                   Money amount,
                                   Money recoveredAfter,
                                   LocalDate bookingDate,
                                   String tillId,
                                   JournalEntry journal) implements JournalEvent {
}
