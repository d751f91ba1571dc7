package org.coopledger.reporting.journal;

import java.time.LocalDate;

public interface JournalQueries {

    /** Trial balance over journal lines booked up to and including {@code asOf} (null = all). */
    TrialBalance trialBalance(LocalDate asOf);
}
