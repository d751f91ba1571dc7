package org.coopledger.reporting.verify;

import org.coopledger.reporting.journal.TrialBalance;

import java.util.List;

/**
 * The trial balance at a point, recomputed from the journal entries the events carry.
 *
 * @param journalEntries  entries folded
 * @param lastGlobalIndex the highest global index folded; 0 when none
 * @param headGlobalIndex the newest event when the history was read (for a date, the fold went up to it)
 * @param differences     events that could not be read or whose entry does not balance; empty in a sound ledger
 */
public record TrialBalanceAtPoint(Point point,
                                  TrialBalance trialBalance,
                                  long journalEntries,
                                  long lastGlobalIndex,
                                  long headGlobalIndex,
                                  List<String> differences) {
}
