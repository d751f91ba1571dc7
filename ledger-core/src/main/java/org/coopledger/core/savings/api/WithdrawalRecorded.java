package org.coopledger.core.savings.api;

import org.coopledger.core.journal.JournalEntry;
import org.coopledger.core.journal.JournalEvent;
import org.coopledger.core.journal.TransactionId;
import org.joda.money.Money;

import java.time.LocalDate;

/** Dr 2000 Member savings / Cr 1000 Cash. */
public record WithdrawalRecorded(AccountId accountId,
                                 TransactionId transactionId,
                                 Money amount,
                                 Money balanceAfter,
                                 LocalDate bookingDate,
                                 LocalDate valueDate,
                                 String tillId,
                                 String reference,
                                 JournalEntry journal) implements JournalEvent {
}
