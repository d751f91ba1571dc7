package org.coopledger.core.savings.api;

import org.coopledger.core.journal.JournalEntry;
import org.coopledger.core.journal.JournalEvent;
import org.coopledger.core.journal.TransactionId;
import org.joda.money.Money;

import java.time.LocalDate;

/**
 * A loan disbursed into savings, the savings leg: Dr 2090 Transfers in transit / Cr 2000 Member
 * savings. The loan's own event credits 2090 by the same amount, so the clearing account nets to
 * zero. {@code loanId} is the loan's id as text: savings does not depend on the loans feature.
 */
public record LoanProceedsCredited(AccountId accountId,
                                   TransactionId transactionId,
                                   String loanId,
                                   Money amount,
                                   Money balanceAfter,
                                   LocalDate bookingDate,
                                   JournalEntry journal) implements JournalEvent {
}
