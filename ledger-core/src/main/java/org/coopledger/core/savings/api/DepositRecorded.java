package org.coopledger.core.savings.api;

import org.coopledger.core.journal.JournalEntry;
import org.coopledger.core.journal.JournalEvent;
import org.coopledger.core.journal.TransactionId;
import org.joda.money.Money;

import java.time.LocalDate;

/** Dr 1000 Cash / Cr 2000 Member savings. {@code balanceAfter} makes statements replay-exact. */
public record DepositRecorded(AccountId accountId,
                              TransactionId transactionId,
                              Money amount,
                              Money balanceAfter,
                              LocalDate bookingDate,
                              LocalDate valueDate,
                              String tillId,
                              String reference,
                              JournalEntry journal) implements JournalEvent {
}
