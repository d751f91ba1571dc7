package org.coopledger.reporting.journal;

import java.time.LocalDate;
import java.util.Collection;

public interface JournalQueries {

    /** Trial balance over journal lines booked up to and including {@code asOf} (null = all). */
    TrialBalance trialBalance(LocalDate asOf);

    /**
     * Trial balance over the lines of the events at global indexes up to {@code lastGlobalIndex},
     * leaving out the events at {@code except}: exactly the events a verification replayed, so
     * that postings made while it ran do not show as differences. ({@code asOf} of the answer is null.)
     */
    TrialBalance trialBalanceUpTo(long lastGlobalIndex, Collection<Long> except);

    /** How many events have lines in the journal, counted as {@link #trialBalanceUpTo} selects them. */
    long entriesUpTo(long lastGlobalIndex, Collection<Long> except);
}
