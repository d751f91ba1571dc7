package org.coopledger.core.journal;

import java.time.LocalDate;

/**
 * Every event that moves money implements this: it carries its own balanced journal entry, so
 * the journal projection and auditors need nothing but the event to post it.
 */
public interface JournalEvent {

    /** Identifies the business transaction; several events of one transfer share it. */
    TransactionId transactionId();

    /** The business date the movement is booked on. */
    LocalDate bookingDate();

    JournalEntry journal();
}
