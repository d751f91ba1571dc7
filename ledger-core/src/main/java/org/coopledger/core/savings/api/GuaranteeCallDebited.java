package org.coopledger.core.savings.api;

import org.coopledger.core.journal.JournalEntry;
import org.coopledger.core.journal.JournalEvent;
import org.coopledger.core.journal.TransactionId;
import org.joda.money.Money;

import java.time.LocalDate;

/**
 * A guarantee called on a loan in arrears, the savings leg: Dr 2000 Member savings / Cr 2090
 * Transfers in transit. The hold that pledged the money is released just before (its own
 * {@code HoldReleased}); the loan's event debits 2090 by the same amount. {@code loanId} is the
 * loan's id as text: savings does not depend on the loans feature.
 */
public record GuaranteeCallDebited(AccountId accountId,
                                   TransactionId transactionId,
                                   String loanId,
                                   Money amount,
                                   Money balanceAfter,
                                   LocalDate bookingDate,
                                   JournalEntry journal) implements JournalEvent {
}
