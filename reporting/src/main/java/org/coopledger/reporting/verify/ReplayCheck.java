package org.coopledger.reporting.verify;

import java.util.Collection;

/**
 * One projection's part of a verification: it folds the events it concerns while the history is
 * replayed (keeping state per account, per loan or per GL total, never the events), then compares
 * its fold with its projection. Verifying another projection is one more implementation, listed in
 * {@link Reconciliation#checks}.
 */
interface ReplayCheck {

    /** Folds one replayed event; events of other kinds are ignored. Findings of the events alone go to {@code differences}. */
    void apply(StoredEvent event, Differences differences);

    /** After the replay, checks the fold needs no projection for (e.g. the trial balance nets to zero). */
    default void afterReplay(Differences differences) {
    }

    /** Compares the fold with the projection; each finding names the aggregate it is about, when there is one. */
    void compare(Scope scope, Findings findings);

    /**
     * What the replay saw: every event up to {@code head}, except those at {@code skipped} —
     * indexes that had no committed event when the replay passed them (see {@link Reconciliation}).
     */
    record Scope(long head, Collection<Long> skipped) {
    }
}
