package org.coopledger.core.savings.api;

import org.coopledger.core.journal.JournalEntry;
import org.coopledger.core.journal.JournalEvent;
import org.coopledger.core.journal.TransactionId;
import org.joda.money.Money;

import java.time.LocalDate;

/** Destination leg: Dr 2090 Transfers in transit / Cr 2000 Member savings. */
public record TransferReceived(AccountId accountId,
                               TransactionId transactionId,
                               AccountId fromAccountId,
                               Money amount,
                               Money balanceAfter,
                               LocalDate bookingDate,
                               String reference,
                               JournalEntry journal) implements JournalEvent {
}
