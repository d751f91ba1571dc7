package org.coopledger.core.members.api;

import org.coopledger.core.journal.JournalEntry;
import org.coopledger.core.journal.JournalEvent;
import org.coopledger.core.journal.TransactionId;
import org.joda.money.Money;

import java.time.LocalDate;

/** Share capital paid back: Dr 3000 Share capital / Cr 1000 Cash. */
public record SharesRedeemed(MemberId memberId,
                             TransactionId transactionId,
                             int shareCount,
                             Money sharePrice,
                             Money amount,
                             int sharesAfter,
                             LocalDate bookingDate,
                             String tillId,
                             JournalEntry journal) implements JournalEvent {
}
