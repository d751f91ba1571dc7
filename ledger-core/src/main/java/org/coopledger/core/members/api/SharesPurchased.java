package org.coopledger.core.members.api;

import org.coopledger.core.journal.JournalEntry;
import org.coopledger.core.journal.JournalEvent;
import org.coopledger.core.journal.TransactionId;
import org.joda.money.Money;

import java.time.LocalDate;

/** Cash in, share capital up: Dr 1000 Cash / Cr 3000 Share capital. */
public record SharesPurchased(MemberId memberId,
                              TransactionId transactionId,
                              int shareCount,
                              Money sharePrice,
                              Money amount,
                              int sharesAfter,
                              LocalDate bookingDate,
                              String tillId,
                              JournalEntry journal) implements JournalEvent {
}
