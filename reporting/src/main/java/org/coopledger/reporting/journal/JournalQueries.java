package org.coopledger.reporting.journal;

import org.coopledger.core.journal.GlAccount;
import org.joda.money.CurrencyUnit;

import java.time.LocalDate;
import java.util.Collection;

public interface JournalQueries {

    /** Largest general-ledger page; a larger {@code limit} is refused. */
    int MAX_LEDGER_ENTRIES = 500;

    /** Trial balance over journal lines booked up to and including {@code asOf} (null = all). */
    TrialBalance trialBalance(LocalDate asOf);

    /**
     * The general ledger of {@code account} in {@code currency} from {@code from} to {@code to}
     * inclusive (either null = open), the page after the cursor {@code after} (null = first),
     * at most {@code limit} entries (1 to {@link #MAX_LEDGER_ENTRIES}). A malformed cursor,
     * limit or period is refused with VALIDATION_FAILED.
     */
    GeneralLedgerPage generalLedger(GlAccount account, CurrencyUnit currency, LocalDate from, LocalDate to,
                                    String after, int limit);

    /**
     * Trial balance over the lines of the events at global indexes up to {@code lastGlobalIndex},
     * leaving out the events at {@code except}: exactly the events a verification replayed, so
     * that postings made while it ran do not show as differences. ({@code asOf} of the answer is null.)
     */
    TrialBalance trialBalanceUpTo(long lastGlobalIndex, Collection<Long> except);

    /** How many events have lines in the journal, counted as {@link #trialBalanceUpTo} selects them. */
    long entriesUpTo(long lastGlobalIndex, Collection<Long> except);
}
