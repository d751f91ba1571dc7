package org.coopledger.core.savings.api;

import org.coopledger.core.journal.JournalEntry;
import org.coopledger.core.journal.JournalEvent;
import org.coopledger.core.journal.TransactionId;
import org.joda.money.Money;

import java.time.LocalDate;

/** Source leg: Dr 2000 Member savings / Cr 2090 Transfers in transit. */
public record TransferSent(AccountId accountId,
                           TransactionId transactionId,
                           AccountId toAccountId,
                           Money amount,
                           Money balanceAfter,
                           LocalDate bookingDate,
                           String reference,
                           JournalEntry journal) implements JournalEvent {
}
